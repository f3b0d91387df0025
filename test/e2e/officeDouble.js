/*
 * A test double for Office.js, served in place of https://appsforoffice.microsoft.com/.../office.js
 * when the built add-in runs in headless Chromium. It provides what the shared runtime page uses:
 * Office.onReady, the CustomFunctions runtime (associate into a registry, Error, ErrorCode) and a
 * small Excel namespace. Tests read window.__customFunctions and window.__officeDouble.
 */
(function () {
  "use strict";
  var registry = new Map();

  function CustomFunctionsError(code, message) {
    this.code = code;
    this.message = message;
    this.name = "CustomFunctions.Error";
  }
  CustomFunctionsError.prototype = Object.create(Error.prototype);
  CustomFunctionsError.prototype.constructor = CustomFunctionsError;

  window.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: function (id, fn) {
      if (typeof id === "object") {
        Object.keys(id).forEach(function (key) {
          registry.set(key.toUpperCase(), id[key]);
        });
        return;
      }
      if (registry.has(id.toUpperCase())) throw new Error("associate called twice for " + id);
      registry.set(id.toUpperCase(), fn);
    },
  };

  /* Calls a registered function as Excel does and reports what the cell would show. */
  window.__customFunctions = {
    ids: function () {
      return Array.from(registry.keys()).sort();
    },
    call: async function (id, args) {
      var fn = registry.get(id);
      if (!fn) return { kind: "unregistered" };
      try {
        var value = await fn.apply(null, args);
        return { kind: "value", value: value };
      } catch (error) {
        if (error instanceof CustomFunctionsError) {
          return { kind: "error", code: error.code, message: error.message };
        }
        return {
          kind: "exception",
          message: String(error && error.message ? error.message : error),
        };
      }
    },
  };

  var readyInfo = { host: "Excel", platform: "OfficeOnline" };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (callback) callback(readyInfo);
          resolve(readyInfo);
        }, 0);
      });
    },
    context: {
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
    },
  };
  window.__officeDouble = { readyInfo: readyInfo };
})();
