import { createDataContext } from "../../../src/data/runtime/createDataContext";
import { sharedDataContext } from "../../../src/data/runtime/sharedDataContext";
import { DEFAULT_DATA_SETTINGS } from "../../../src/data/settings";

describe("sharedDataContext", () => {
  it("is one context per runtime, on the demo provider by default", () => {
    const first = sharedDataContext();
    expect(sharedDataContext()).toBe(first);
    expect(first.settings.provider).toBe("demo");
  });

  it("settings changed through it are seen by every later caller (pane and functions share them)", () => {
    const context = sharedDataContext();
    context.setSettings({ ...DEFAULT_DATA_SETTINGS, provider: "coingecko" });
    expect(sharedDataContext().settings.provider).toBe("coingecko");
    context.setSettings(DEFAULT_DATA_SETTINGS);
  });

  it("installs a replacement context", () => {
    const replacement = createDataContext();
    expect(sharedDataContext(replacement)).toBe(replacement);
    expect(sharedDataContext()).toBe(replacement);
  });
});
