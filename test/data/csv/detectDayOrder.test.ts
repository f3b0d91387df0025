import { detectDayOrder } from "../../../src/data/csv/detectDayOrder";
import { readDateCell } from "../../../src/data/csv/readDateCell";

const column = (...texts: string[]) =>
  texts.map((text, t) => ({ line: t + 2, text, cell: readDateCell(text) }));

describe("detectDayOrder", () => {
  it("takes the order from the first date with a part above 12", () => {
    expect(detectDayOrder(column("01/01/2024", "13/01/2024", "01/14/2024"))).toEqual({
      order: "dayFirst",
      line: 3,
      text: "13/01/2024",
    });
    expect(detectDayOrder(column("12/31/2023", "01/01/2024"))).toEqual({
      order: "monthFirst",
      line: 2,
      text: "12/31/2023",
    });
  });

  it("is undefined when no date tells, and ignores other forms and impossible dates", () => {
    expect(detectDayOrder(column("01/02/2024", "02/03/2024"))).toBeUndefined();
    expect(detectDayOrder(column("2024-01-13", "13.01.2024", "13/13/2024"))).toBeUndefined();
  });
});
