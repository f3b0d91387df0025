/*
 * A test double for Office.js, served in place of https://appsforoffice.microsoft.com/.../office.js
 * when the built add-in runs in headless Chromium. It provides what the shared runtime page uses:
 * Office.onReady, the CustomFunctions runtime (associate into a registry, Error, ErrorCode) and a
 * in-memory Excel (see the second part). Tests read window.__customFunctions, window.__officeDouble
 * and window.__fakeWorkbook.
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
  /* Office initialises after the scripts load, and Excel may calculate a workbook's formulas
   * before that (a workbook opened with the pane closed): custom functions run while onReady is
   * still pending, and Office.context carries nothing of the host yet (partitionKey among them).
   * A test plays that by setting window.__officeDoubleHoldReady = true before this script runs,
   * calling functions, then __officeDouble.releaseReady(); window.__officeDoublePartitionKey is
   * the partition Excel on the web gives the add-in's storage, set when Office is ready. */
  var initialised = !window.__officeDoubleHoldReady;
  var readyWaiters = [];
  function whenInitialised(then) {
    if (initialised) setTimeout(then, 0);
    else readyWaiters.push(then);
  }
  function initialise() {
    if (initialised) return;
    initialised = true;
    window.Office.context.partitionKey = window.__officeDoublePartitionKey;
    readyWaiters.splice(0).forEach(function (then) {
      setTimeout(then, 0);
    });
  }
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        whenInitialised(function () {
          if (callback) callback(readyInfo);
          resolve(readyInfo);
        });
      });
    },
    context: {
      requirements: {
        isSetSupported: function (name, minVersion) {
          return isSetSupported(name, minVersion);
        },
      },
    },
  };

  /* Requirement sets this "Excel" supports: null means every set at every version (the default);
   * a test narrows it with __officeDouble.setRequirementSets({ ExcelApi: "1.6", … }) to play an older
   * Excel. A set missing from the map is unsupported. Versions compare as numbers part by part
   * ("1.10" > "1.9"), as Office does:
   * https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport#office-office-requirementsetsupport-issetsupported-member(1) */
  var supportedSets = null;
  function compareVersions(a, b) {
    var x = String(a).split(".").map(Number);
    var y = String(b).split(".").map(Number);
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      var d = (x[i] || 0) - (y[i] || 0);
      if (d !== 0) return d;
    }
    return 0;
  }
  function isSetSupported(name, minVersion) {
    if (supportedSets === null) return true;
    var have = supportedSets[name];
    if (have === undefined) return false;
    return compareVersions(have, minVersion === undefined ? "1.1" : minVersion) >= 0;
  }
  if (initialised) window.Office.context.partitionKey = window.__officeDoublePartitionKey;
  window.__officeDouble = {
    readyInfo: readyInfo,
    /** Ends a held initialisation (see __officeDoubleHoldReady): onReady callbacks run. */
    releaseReady: initialise,
    isReady: function () {
      return initialised;
    },
    isSetSupported: isSetSupported,
    setRequirementSets: function (sets) {
      supportedSets = sets === null || sets === undefined ? null : Object.assign({}, sets);
    },
  };
})();

/*
 * In-memory Excel: exactly the Excel API the task pane's sheet writer uses, with Office.js batch
 * semantics. Proxies queue commands; context.sync() runs the queue in order; a property is
 * readable only after load() and a sync (else it throws PropertyNotLoaded, as Office.js does);
 * isNullObject is known only after a sync. Tests drive and inspect it through window.__fakeWorkbook.
 *
 * It refuses what Excel refuses, each with the error code Microsoft documents
 * (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling):
 * - RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded: a request whose queued
 *   values, or a response whose loaded values, exceed 5 MB (Excel on the web caps both:
 *   https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 *   measured in characters of JSON, limits settable through payloadLimit / responseLimit.
 * - InvalidArgument: table and defined names that break Excel's naming rules; values or formats
 *   whose shape differs from the range; number formats Excel cannot parse.
 * - ItemAlreadyExists: a table or defined name already used (tables and defined names share one
 *   namespace); MergedRangeConflict: a table over another table.
 * - NonBlankCellOffSheet / InsertDeleteConflict: table columns added or deleted, which shift the
 *   cells right of the table across its rows as Excel does, pushing data off the sheet or cutting a table.
 * - InvalidObjectPath / InvalidRequestContext: a proxy used after its Excel.run, or in another
 *   context (https://learn.microsoft.com/javascript/api/office/officeextension.trackedobjects).
 * - ApiNotFound: a member newer than the ExcelApi version the test says this Excel supports
 *   (__officeDouble.setRequirementSets), e.g. charts' setXAxisValues (1.7) or Table.resize (1.13);
 *   versions from https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets.
 */
(function () {
  "use strict";

  function OfficeError(code, message) {
    this.code = code;
    this.message = message;
    this.name = "RichApi.Error";
    this.debugInfo = { code: code, message: message };
  }
  OfficeError.prototype = Object.create(Error.prototype);
  OfficeError.prototype.constructor = OfficeError;
  window.OfficeExtension = { Error: OfficeError };

  var MAX_ROWS = 1048576;
  var MAX_COLUMNS = 16384;
  /* "5 MB" per request and per response on Excel on the web (resource-limits page above). */
  var WEB_PAYLOAD_LIMIT = 5000000;

  var state = {
    sheets: [],
    tables: [],
    properties: new Map(),
    nextTableId: 1,
    /* Sessions since the workbook was first made: every importState (a reopen) starts a new one,
     * and worksheet and table ids embed it, so ids change on reopen (office-js issue 1390) while a
     * table's legacyId, a worksheet's custom properties and the document's stay. */
    generation: 0,
    syncCount: 0,
    runCount: 0,
    payloadLimit: WEB_PAYLOAD_LIMIT,
    responseLimit: WEB_PAYLOAD_LIMIT,
    lastPayloads: [],
    lastResponses: [],
    names: [],
    failNextSync: null,
  };

  function fail(code, message) {
    throw new OfficeError(code, message);
  }
  /* ApiNotFound, as Excel answers a member its version lacks ("It may be available in a newer
   * version of the Office application"). Checked when the request runs, as the host does. */
  function requireApi(version, member) {
    var office = window.__officeDouble;
    if (office && !office.isSetSupported("ExcelApi", version)) {
      fail(
        "ApiNotFound",
        "The API you are trying to use could not be found (" +
          member +
          " needs ExcelApi " +
          version +
          "). It may be available in a newer version of the Office application."
      );
    }
  }
  /* A proxy passed to a method must come from the same request context. */
  function checkSameContext(context, proxy) {
    if (proxy && proxy.context !== undefined && proxy.context !== context) {
      fail("InvalidRequestContext", "Cannot use the object across different request contexts.");
    }
  }
  function findSheet(name) {
    var lower = String(name).toLowerCase();
    return (
      state.sheets.find(function (s) {
        return s.name.toLowerCase() === lower;
      }) || null
    );
  }
  function findTable(name) {
    var lower = String(name).toLowerCase();
    return (
      state.tables.find(function (t) {
        return t.name.toLowerCase() === lower;
      }) || null
    );
  }
  function key(r, c) {
    return r + "," + c;
  }
  function getCell(sheet, r, c) {
    var cell = sheet.cells.get(key(r, c));
    return cell === undefined ? "" : cell.value;
  }
  function setCell(sheet, r, c, value) {
    var cell = sheet.cells.get(key(r, c)) || { value: "", format: "General" };
    // Excel has no negative zero; blank for null/undefined.
    cell.value = value === null || value === undefined ? "" : value === 0 ? 0 : value;
    sheet.cells.set(key(r, c), cell);
  }
  function setFormat(sheet, r, c, format) {
    var cell = sheet.cells.get(key(r, c)) || { value: "", format: "General" };
    cell.format = format;
    sheet.cells.set(key(r, c), cell);
  }
  /* ---- What Excel makes of a string written through Range.values: it is read as if typed ----
   * unless the cell's number format is text ("@"): "=…" is a formula, "+X"/"-X" a formula too
   * (Excel shows #NAME?), a number-like string a number ("00" → 0, "1,234" → 1234, "5%" → 0.05), "TRUE"/
   * "FALSE" a boolean, a date-like string a date serial (1900 date system), "'text" the text after
   * the apostrophe. https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values */
  var EXCEL_DAY_ZERO_MS = Date.UTC(1899, 11, 30);
  var MS_PER_DAY = 86400000;
  function dateSerial(y, m, d) {
    var ms = Date.UTC(y, m - 1, d);
    var date = new Date(ms);
    if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return Math.round((ms - EXCEL_DAY_ZERO_MS) / MS_PER_DAY);
  }
  function typedInput(value, format) {
    if (typeof value !== "string" || value === "" || format === "@") return { value: value };
    if (value.charAt(0) === "'") return { value: value.slice(1) };
    // A formula is kept as its text (the double evaluates nothing), so it reads back as "=…".
    if (value.charAt(0) === "=" && value.length > 1) return { value: value };
    var t = value.trim();
    if (/^[+-]?\$?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?([eE][+-]?\d+)?%?$/.test(t) && /\d/.test(t)) {
      var percent = t.charAt(t.length - 1) === "%";
      var n = Number(t.replace(/[$,%]/g, ""));
      if (Number.isFinite(n)) {
        return percent ? { value: n / 100, format: "0%" } : { value: n };
      }
    }
    if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
    var iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
    var us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    var serial = iso
      ? dateSerial(+iso[1], +iso[2], +iso[3])
      : us
        ? dateSerial(+us[3], +us[1], +us[2])
        : null;
    if (serial !== null) return { value: serial, format: "m/d/yyyy" };
    if ((t.charAt(0) === "+" || t.charAt(0) === "-") && t.length > 1) return { value: "=" + t };
    return { value: value };
  }

  /* ---- What a cell shows: its value through its number format (Range.text) ----
   * General, text "@", dates (yyyy, yy, mm, m, dd, d), percentages and "#,##0.00##"-style
   * patterns, rendered as Excel does, including its quirk that "0.##" shows 2 as "2.". Other
   * formats fall back to General here. */
  function generalText(v) {
    if (v === 0) return "0";
    var a = Math.abs(v);
    if (a >= 1e11 || a < 1e-9) {
      return v
        .toExponential(5)
        .replace(/\.?0+e/, "e")
        .toUpperCase();
    }
    return String(Number(v.toPrecision(10)));
  }
  function groupThousands(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  function patternText(v, pattern) {
    var point = pattern.indexOf(".");
    var intPart = point < 0 ? pattern : pattern.slice(0, point);
    var fracPart = point < 0 ? "" : pattern.slice(point + 1);
    var required = (fracPart.match(/0/g) || []).length;
    var optional = (fracPart.match(/#/g) || []).length;
    var fixed = Math.abs(v).toFixed(required + optional);
    var dot = fixed.indexOf(".");
    var whole = dot < 0 ? fixed : fixed.slice(0, dot);
    var frac = dot < 0 ? "" : fixed.slice(dot + 1);
    while (frac.length > required && frac.charAt(frac.length - 1) === "0") frac = frac.slice(0, -1);
    if (whole === "0" && intPart.indexOf("0") < 0) whole = "";
    if (intPart.indexOf(",") >= 0) whole = groupThousands(whole);
    var zero = Number(fixed) === 0;
    return (v < 0 && !zero ? "-" : "") + whole + (point < 0 ? "" : "." + frac);
  }
  function dateText(serial, format) {
    var date = new Date(EXCEL_DAY_ZERO_MS + Math.floor(serial) * MS_PER_DAY);
    var two = function (n) {
      return String(n).padStart(2, "0");
    };
    return format.replace(/yyyy|yy|mm|m|dd|d/g, function (token) {
      if (token === "yyyy") return String(date.getUTCFullYear());
      if (token === "yy") return two(date.getUTCFullYear() % 100);
      if (token === "mm") return two(date.getUTCMonth() + 1);
      if (token === "m") return String(date.getUTCMonth() + 1);
      if (token === "dd") return two(date.getUTCDate());
      return String(date.getUTCDate());
    });
  }
  function displayText(value, format) {
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    if (typeof value !== "number") return String(value);
    var f = String(format || "General");
    if (f === "General" || f === "@") return generalText(value);
    if (/^[ymd]+([-/. ][ymd]+)*$/.test(f)) return dateText(value, f);
    if (/^[#,0]*(\.[0#]*)?%$/.test(f) && f.length > 1)
      return patternText(value * 100, f.slice(0, -1)) + "%";
    if (/^[#,0]+(\.[0#]*)?$/.test(f)) return patternText(value, f);
    return generalText(value);
  }
  /* A table's id embeds the session (state.generation), so it changes on reopen; its legacyId
   * (the number saved in the file) does not. */
  function newTableId(n) {
    return (
      "{" +
      String(state.generation).padStart(8, "0") +
      "-0000-4000-8000-" +
      String(n).padStart(12, "0") +
      "}"
    );
  }
  function cellText(sheet, r, c) {
    var cell = sheet.cells.get(key(r, c));
    return cell === undefined ? "" : displayText(cell.value, cell.format);
  }

  function columnName(c) {
    var name = "";
    for (var n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) {
      name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    }
    return name;
  }
  function addressOf(sheet, box) {
    var a = columnName(box.col) + (box.row + 1);
    var b = columnName(box.col + box.cols - 1) + (box.row + box.rows);
    return sheet.name + "!" + (box.rows === 1 && box.cols === 1 ? a : a + ":" + b);
  }
  function parseAddress(address) {
    var m = /^(?:(.+)!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(String(address));
    if (!m) fail("InvalidArgument", "The address " + address + " is not valid.");
    function col(letters) {
      var n = 0;
      for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
      return n - 1;
    }
    var r0 = Number(m[3]) - 1;
    var c0 = col(m[2]);
    var r1 = m[5] ? Number(m[5]) - 1 : r0;
    var c1 = m[4] ? col(m[4]) : c0;
    return {
      sheet: m[1] ? m[1].replace(/^'|'$/g, "") : null,
      row: r0,
      col: c0,
      rows: r1 - r0 + 1,
      cols: c1 - c0 + 1,
    };
  }
  function overlaps(a, b) {
    return (
      a.row < b.row + b.rows &&
      b.row < a.row + a.rows &&
      a.col < b.col + b.cols &&
      b.col < a.col + a.cols
    );
  }
  function tableBox(t) {
    return { row: t.row, col: t.col, rows: t.rows, cols: t.cols };
  }
  /* Excel's rules for table and defined names (https://support.microsoft.com/office/
   * define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64, "Learn about syntax
   * rules for names"; tables follow the same rules, "Rename an Excel table"): first a letter,
   * underscore or backslash; then letters, digits, periods, underscores, backslashes; no spaces;
   * at most 255 characters; not a cell reference (A1, XFD1048576) nor R1C1 style (R, C, R2C3);
   * C, c, R, r are reserved; not case-sensitive. */
  function looksLikeReference(name) {
    var a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
    if (a1) {
      var column = 0;
      for (var i = 0; i < a1[1].length; i++) {
        column = column * 26 + (a1[1].toUpperCase().charCodeAt(i) - 64);
      }
      var row = Number(a1[2]);
      if (column <= MAX_COLUMNS && row >= 1 && row <= MAX_ROWS) return true;
    }
    return /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
  }
  function checkName(name, what) {
    if (
      name.length === 0 ||
      name.length > 255 ||
      !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) ||
      looksLikeReference(name)
    ) {
      fail("InvalidArgument", "The " + what + " name " + JSON.stringify(name) + " is not valid.");
    }
  }
  function checkTableName(name) {
    checkName(name, "table");
  }
  /* Tables and workbook-scoped defined names share one namespace (a table name is a defined name
   * of its range), so a new name must be free in both. */
  function nameTaken(name, exceptTable) {
    var lower = String(name).toLowerCase();
    var table = findTable(name);
    if (table && table !== exceptTable) return true;
    return state.names.some(function (n) {
      return n.name.toLowerCase() === lower;
    });
  }
  function refuseTakenName(name, exceptTable) {
    if (nameTaken(name, exceptTable)) {
      fail(
        "ItemAlreadyExists",
        "The name " + name + " is already used by a table or a defined name in this workbook."
      );
    }
  }
  /* Number formats Excel can parse (https://support.microsoft.com/office/
   * number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68): at most four sections, quoted text,
   * escaped characters, [colour]/[condition]/[$currency-locale]/[h]/[mm]/[ss] brackets, and the
   * date, time and digit codes; anything else (a bare letter such as "x", an unclosed quote or
   * bracket) is refused as Excel's own dialog does. At most 255 characters. */
  var FORMAT_BRACKET =
    /^(Black|Blue|Cyan|Green|Magenta|Red|White|Yellow|Color\d{1,2}|[<>=]{1,2}-?\d+(\.\d+)?|\$[^\]]*|h+|m+|s+|DBNum\d)$/i;
  function checkNumberFormat(format) {
    if (typeof format !== "string" || format.length > 255) {
      fail("InvalidArgument", "The number format " + JSON.stringify(format) + " is not valid.");
    }
    if (format === "" || /^general$/i.test(format)) return;
    var sections = 1;
    for (var i = 0; i < format.length; i++) {
      var ch = format[i];
      var bad = false;
      if (ch === '"') {
        var close = format.indexOf('"', i + 1);
        bad = close < 0;
        i = close;
      } else if (ch === "\\" || ch === "_" || ch === "*") {
        bad = i + 1 >= format.length;
        i += 1;
      } else if (ch === "[") {
        var end = format.indexOf("]", i + 1);
        bad = end < 0 || !FORMAT_BRACKET.test(format.slice(i + 1, end));
        i = end;
      } else if (ch === ";") {
        sections += 1;
        bad = sections > 4;
      } else if (/[A-Za-z]/.test(ch)) {
        // Date and time codes (y m d h s, era e/g, Buddhist b), AM/PM, scientific E+ / E-.
        var word = /^(General|AM\/PM|A\/P|E[+-]|[ymdhsbge])/i.exec(format.slice(i));
        bad = !word;
        if (word) i += word[0].length - 1;
      } else {
        bad = !/[0-9#?.,%/: \-+()$^'{}<>=!&~@]/.test(ch);
      }
      if (bad) {
        fail(
          "InvalidArgument",
          "The number format " +
            JSON.stringify(format) +
            " is not valid (at character " +
            (i + 1) +
            ")."
        );
      }
    }
  }

  /* ---- request context, proxies and the command queue ---- */

  function RequestContext() {
    this._queue = [];
    this._payload = 0;
    /* Set when its Excel.run has ended: the proxies are dead from then on. */
    this._closed = false;
    this.workbook = new WorkbookProxy(this);
  }
  /* The response of the request being run: loads add their JSON size and wait to be applied until
   * the whole response is known to fit. */
  var response = null;
  function respond(value, commit) {
    if (response === null) {
      commit();
      return;
    }
    response.size += JSON.stringify(value === undefined ? null : value).length;
    response.commits.push(commit);
  }
  RequestContext.prototype.sync = function () {
    var context = this;
    var queue = context._queue;
    var payload = context._payload;
    context._queue = [];
    context._payload = 0;
    return Promise.resolve().then(function () {
      if (context._closed) {
        // Office.js: an object used after its Excel.run ended (trackedObjects docs).
        fail(
          "InvalidObjectPath",
          'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.'
        );
      }
      state.syncCount += 1;
      state.lastPayloads.push(payload);
      if (state.failNextSync) {
        var planned = state.failNextSync;
        state.failNextSync = null;
        fail(planned.code, planned.message);
      }
      if (payload > state.payloadLimit) {
        fail(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit (" +
            payload +
            " > " +
            state.payloadLimit +
            ")."
        );
      }
      response = { size: 0, commits: [] };
      var answered;
      try {
        for (var i = 0; i < queue.length; i++) queue[i]();
      } finally {
        answered = response;
        response = null;
      }
      state.lastResponses.push(answered.size);
      // The response is refused whole: nothing loaded becomes readable. (Excel documents no
      // rollback of writes queued in the same request; the pane never mixes them with big reads.)
      if (answered.size > state.responseLimit) {
        fail(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit (" +
            answered.size +
            " > " +
            state.responseLimit +
            ")."
        );
      }
      answered.commits.forEach(function (commit) {
        commit();
      });
    });
  };
  RequestContext.prototype._enqueue = function (command, payload) {
    this._queue.push(command);
    this._payload += payload || 0;
  };

  /* A proxy resolves its target when a queued command runs, so it sees the commands before it. */
  function Proxy(context, resolve, nullable) {
    this.context = context;
    this._resolve = resolve;
    this._nullable = nullable;
    this._loaded = null;
    this._isNull = undefined;
    if (nullable) {
      var self = this;
      context._enqueue(function () {
        self._isNull = resolve() === null;
      });
    }
  }
  Proxy.prototype._target = function () {
    var target = this._resolve();
    if (target === null) fail("ItemNotFound", "The requested resource doesn't exist.");
    return target;
  };
  Object.defineProperty(Proxy.prototype, "isNullObject", {
    get: function () {
      if (this._isNull === undefined) {
        fail("PropertyNotLoaded", "isNullObject is not available before context.sync().");
      }
      return this._isNull;
    },
  });
  Proxy.prototype._read = function (name) {
    if (this._loaded === null || !(name in this._loaded)) {
      fail(
        "PropertyNotLoaded",
        "The property '" +
          name +
          "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context."
      );
    }
    return this._loaded[name];
  };
  Proxy.prototype.load = function (names) {
    var self = this;
    var list =
      typeof names === "string"
        ? names.split(",").map(function (n) {
            return n.trim();
          })
        : Array.isArray(names)
          ? names
          : names && names.select
            ? String(names.select).split(",")
            : [];
    self.context._enqueue(function () {
      var target = self._resolve();
      if (target === null) {
        if (self._nullable) {
          self._isNull = true;
          return;
        }
        fail("ItemNotFound", "The requested resource doesn't exist.");
      }
      var values = {};
      list.forEach(function (name) {
        if (name) values[name] = self._snapshot(target, name);
      });
      respond(values, function () {
        self._loaded = self._loaded || {};
        Object.keys(values).forEach(function (name) {
          self._loaded[name] = values[name];
        });
      });
    });
    return self;
  };
  function defineProperties(Type, readable, writable) {
    readable.forEach(function (name) {
      var setter = writable[name];
      Object.defineProperty(Type.prototype, name, {
        get: function () {
          return this._read(name);
        },
        set: setter
          ? function (value) {
              setter.call(this, value);
            }
          : function () {
              fail("InvalidOperation", "The property '" + name + "' is read-only.");
            },
      });
    });
  }
  function inherit(Type) {
    Type.prototype = Object.create(Proxy.prototype);
    Type.prototype.constructor = Type;
  }

  /* Workbook */
  function WorkbookProxy(context) {
    this.context = context;
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, null);
    this.properties = { custom: new CustomPropertyCollectionProxy(context) };
    this.names = new NamedItemCollectionProxy(context);
    this.application = {
      suspendApiCalculationUntilNextSync: function () {
        context._enqueue(function () {
          requireApi("1.6", "Application.suspendApiCalculationUntilNextSync");
        });
      },
    };
  }

  /* Defined names of the workbook (workbook.names): a name and the formula it refers to
   * ("=Sheet1!$A$1"). Names share their namespace with tables (see nameTaken). */
  function findName(name) {
    var lower = String(name).toLowerCase();
    return (
      state.names.find(function (n) {
        return n.name.toLowerCase() === lower;
      }) || null
    );
  }
  function NamedItemCollectionProxy(context) {
    this.context = context;
  }
  NamedItemCollectionProxy.prototype.getItemOrNullObject = function (name) {
    return new NamedItemProxy(
      this.context,
      function () {
        requireApi("1.4", "NamedItemCollection.getItemOrNullObject");
        return findName(name);
      },
      true
    );
  };
  NamedItemCollectionProxy.prototype.getItem = function (name) {
    return new NamedItemProxy(
      this.context,
      function () {
        return findName(name);
      },
      false
    );
  };
  NamedItemCollectionProxy.prototype.add = function (name, reference) {
    var context = this.context;
    var formula = reference instanceof RangeProxy ? null : String(reference);
    context._enqueue(function () {
      requireApi("1.4", "NamedItemCollection.add");
      if (reference instanceof RangeProxy) {
        checkSameContext(context, reference);
        var box = reference._target();
        formula = "=" + addressOf(box.sheet, box);
      }
      checkName(String(name), "defined");
      refuseTakenName(String(name), null);
      state.names.push({ name: String(name), formula: formula });
    });
    return this.getItem(name);
  };
  function NamedItemProxy(context, resolve, nullable) {
    Proxy.call(this, context, resolve, nullable);
  }
  inherit(NamedItemProxy);
  NamedItemProxy.prototype._snapshot = function (target, name) {
    if (name === "name") return target.name;
    if (name === "formula" || name === "value") return target.formula;
    if (name === "type") return "Range";
    fail("InvalidArgument", "NamedItem has no property " + name);
  };
  NamedItemProxy.prototype.delete = function () {
    var self = this;
    self.context._enqueue(function () {
      state.names.splice(state.names.indexOf(self._target()), 1);
    });
  };
  defineProperties(NamedItemProxy, ["name", "formula", "value", "type"], {});

  /* Custom document properties: the marker that says which tables Diversify owns. */
  function CustomPropertyCollectionProxy(context) {
    this.context = context;
  }
  CustomPropertyCollectionProxy.prototype.getItemOrNullObject = function (name) {
    return new CustomPropertyProxy(
      this.context,
      function () {
        requireApi("1.7", "DocumentProperties.custom");
        return state.properties.get(String(name).toLowerCase()) || null;
      },
      true
    );
  };
  CustomPropertyCollectionProxy.prototype.add = function (name, value) {
    var context = this.context;
    context._enqueue(function () {
      requireApi("1.7", "DocumentProperties.custom");
      if (String(name).length > 255) fail("InvalidArgument", "The key is too long.");
      if (String(value).length > 255) fail("InvalidArgument", "The value is too long.");
      state.properties.set(String(name).toLowerCase(), { key: String(name), value: value });
    }, String(value).length);
    return new CustomPropertyProxy(
      context,
      function () {
        return state.properties.get(String(name).toLowerCase()) || null;
      },
      false
    );
  };
  function CustomPropertyProxy(context, resolve, nullable) {
    Proxy.call(this, context, resolve, nullable);
  }
  inherit(CustomPropertyProxy);
  CustomPropertyProxy.prototype._snapshot = function (target, name) {
    if (name === "key") return target.key;
    if (name === "value") return target.value;
    if (name === "type") return typeof target.value === "number" ? "Number" : "String";
    fail("InvalidArgument", "CustomProperty has no property " + name);
  };
  CustomPropertyProxy.prototype.delete = function () {
    var self = this;
    self.context._enqueue(function () {
      var target = self._target();
      state.properties.delete(target.key.toLowerCase());
    });
  };
  defineProperties(CustomPropertyProxy, ["key", "value", "type"], {});

  /* Worksheets */
  function WorksheetCollectionProxy(context) {
    this.context = context;
  }
  WorksheetCollectionProxy.prototype.getItemOrNullObject = function (name) {
    return new WorksheetProxy(
      this.context,
      function () {
        requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
        return findSheet(name);
      },
      true
    );
  };
  WorksheetCollectionProxy.prototype.getItem = function (name) {
    return new WorksheetProxy(
      this.context,
      function () {
        return findSheet(name);
      },
      false
    );
  };
  WorksheetCollectionProxy.prototype.add = function (name) {
    this.context._enqueue(function () {
      if (findSheet(name)) fail("ItemAlreadyExists", "A sheet named " + name + " already exists.");
      state.sheets.push({ name: String(name), cells: new Map() });
    });
    return this.getItem(name);
  };
  function WorksheetProxy(context, resolve, nullable) {
    Proxy.call(this, context, resolve, nullable);
    var self = this;
    this.tables = new TableCollectionProxy(context, function () {
      return self._target();
    });
    this.charts = new ChartCollectionProxy(context, function () {
      return self._target();
    });
    this.customProperties = new WorksheetCustomPropertyCollectionProxy(context, function () {
      // A null worksheet gives null properties, as Office.js chains *OrNullObject results.
      return self._resolve();
    });
    this.freezePanes = new FreezePanesProxy(context, function () {
      return self._target();
    });
  }
  inherit(WorksheetProxy);
  var nextSheetId = 1;
  function sheetId(sheet) {
    // Ids are given on first read and kept for the session; a reopen (importState) gives new ones.
    if (!sheet.id) {
      sheet.id =
        "{SHEET-" + String(state.generation) + "-" + String(nextSheetId).padStart(8, "0") + "}";
      nextSheetId += 1;
    }
    return sheet.id;
  }

  /* worksheet.freezePanes (ExcelApi 1.7): recorded per sheet as { rows, columns }. */
  function FreezePanesProxy(context, sheetOf) {
    this.context = context;
    this._sheetOf = sheetOf;
  }
  FreezePanesProxy.prototype._freeze = function (rows, columns, what) {
    var sheetOf = this._sheetOf;
    this.context._enqueue(function () {
      requireApi("1.7", what);
      if (!(rows >= 0 && columns >= 0 && rows < MAX_ROWS && columns < MAX_COLUMNS)) {
        fail("InvalidArgument", what + ": the count is outside the sheet.");
      }
      sheetOf().frozen = { rows: rows, columns: columns };
    });
  };
  FreezePanesProxy.prototype.freezeRows = function (count) {
    this._freeze(count === undefined ? 1 : count, 0, "WorksheetFreezePanes.freezeRows");
  };
  FreezePanesProxy.prototype.freezeColumns = function (count) {
    this._freeze(0, count === undefined ? 1 : count, "WorksheetFreezePanes.freezeColumns");
  };
  FreezePanesProxy.prototype.unfreeze = function () {
    this._freeze(0, 0, "WorksheetFreezePanes.unfreeze");
  };

  /* worksheet.customProperties (ExcelApi 1.12): per-sheet key → value, keys case-insensitive,
   * saved with the workbook (they survive a reopen, unlike the sheet's id). */
  function sheetPropertiesOf(sheet) {
    if (!sheet.customProperties) sheet.customProperties = new Map();
    return sheet.customProperties;
  }
  function WorksheetCustomPropertyCollectionProxy(context, sheetOrNull) {
    this.context = context;
    this._sheetOrNull = sheetOrNull;
  }
  WorksheetCustomPropertyCollectionProxy.prototype._item = function (name, nullable) {
    var sheetOrNull = this._sheetOrNull;
    var proxy = new WorksheetCustomPropertyProxy(
      this.context,
      function () {
        requireApi("1.12", "Worksheet.customProperties");
        var sheet = sheetOrNull();
        return sheet ? sheetPropertiesOf(sheet).get(String(name).toLowerCase()) || null : null;
      },
      nullable
    );
    proxy._sheetOrNull = sheetOrNull;
    return proxy;
  };
  WorksheetCustomPropertyCollectionProxy.prototype.getItemOrNullObject = function (name) {
    return this._item(name, true);
  };
  WorksheetCustomPropertyCollectionProxy.prototype.getItem = function (name) {
    return this._item(name, false);
  };
  WorksheetCustomPropertyCollectionProxy.prototype.add = function (name, value) {
    var sheetOrNull = this._sheetOrNull;
    this.context._enqueue(function () {
      requireApi("1.12", "Worksheet.customProperties");
      var sheet = sheetOrNull();
      if (!sheet) fail("ItemNotFound", "The requested resource doesn't exist.");
      if (String(name).length > 255) fail("InvalidArgument", "The key is too long.");
      sheetPropertiesOf(sheet).set(String(name).toLowerCase(), {
        key: String(name),
        value: String(value),
      });
    }, String(value).length);
    return this._item(name, false);
  };
  function WorksheetCustomPropertyProxy(context, resolve, nullable) {
    Proxy.call(this, context, resolve, nullable);
  }
  inherit(WorksheetCustomPropertyProxy);
  WorksheetCustomPropertyProxy.prototype._snapshot = function (target, name) {
    if (name === "key") return target.key;
    if (name === "value") return target.value;
    fail("InvalidArgument", "WorksheetCustomProperty has no property " + name);
  };
  WorksheetCustomPropertyProxy.prototype.delete = function () {
    var self = this;
    self.context._enqueue(function () {
      var target = self._target();
      sheetPropertiesOf(self._sheetOrNull()).delete(target.key.toLowerCase());
    });
  };
  defineProperties(WorksheetCustomPropertyProxy, ["key", "value"], {});
  WorksheetProxy.prototype._snapshot = function (target, name) {
    if (name === "name") return target.name;
    if (name === "id") return sheetId(target);
    if (name === "position") return state.sheets.indexOf(target);
    fail("InvalidArgument", "Worksheet has no property " + name);
  };
  defineProperties(WorksheetProxy, ["name", "position", "id"], {});
  WorksheetProxy.prototype.getRangeByIndexes = function (row, col, rows, cols) {
    var self = this;
    return new RangeProxy(self.context, function () {
      requireApi("1.7", "Worksheet.getRangeByIndexes");
      if (
        rows < 1 ||
        cols < 1 ||
        row < 0 ||
        col < 0 ||
        row + rows > MAX_ROWS ||
        col + cols > MAX_COLUMNS
      ) {
        fail(
          "InvalidArgument",
          "getRangeByIndexes(" + [row, col, rows, cols].join(", ") + ") is outside the sheet."
        );
      }
      return { sheet: self._target(), row: row, col: col, rows: rows, cols: cols };
    });
  };
  WorksheetProxy.prototype.getUsedRangeOrNullObject = function (valuesOnly) {
    var self = this;
    var proxy = new RangeProxy(
      self.context,
      function () {
        requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
        var sheet = self._target();
        var r0 = Infinity,
          c0 = Infinity,
          r1 = -1,
          c1 = -1;
        sheet.cells.forEach(function (cell, k) {
          if (valuesOnly && cell.value === "") return;
          var parts = k.split(",");
          var r = Number(parts[0]),
            c = Number(parts[1]);
          r0 = Math.min(r0, r);
          c0 = Math.min(c0, c);
          r1 = Math.max(r1, r);
          c1 = Math.max(c1, c);
        });
        if (r1 < 0) return null;
        return { sheet: sheet, row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
      },
      true
    );
    return proxy;
  };
  /* Ranges */
  function RangeProxy(context, resolve, nullable) {
    Proxy.call(this, context, resolve, nullable || false);
  }
  inherit(RangeProxy);
  function boxValues(box) {
    var out = [];
    for (var r = 0; r < box.rows; r++) {
      var row = [];
      for (var c = 0; c < box.cols; c++) row.push(getCell(box.sheet, box.row + r, box.col + c));
      out.push(row);
    }
    return out;
  }
  RangeProxy.prototype._snapshot = function (box, name) {
    switch (name) {
      case "values":
        return boxValues(box);
      case "formulas":
        // Formulas are stored as their text ("=SUM(A1:A3)"), so values and formulas read alike here.
        return boxValues(box);
      case "text":
        return boxValues(box).map(function (row, r) {
          return row.map(function (_v, c) {
            return cellText(box.sheet, box.row + r, box.col + c);
          });
        });
      case "numberFormat":
        return boxValues(box).map(function (row, r) {
          return row.map(function (_v, c) {
            var cell = box.sheet.cells.get(key(box.row + r, box.col + c));
            return cell ? cell.format : "General";
          });
        });
      case "rowIndex":
        return box.row;
      case "columnIndex":
        return box.col;
      case "rowCount":
        return box.rows;
      case "columnCount":
        return box.cols;
      case "address":
        return addressOf(box.sheet, box);
      default:
        fail("InvalidArgument", "Range has no property " + name);
    }
    return undefined;
  };
  function checkGrid(grid, box, what) {
    if (!Array.isArray(grid) || grid.length !== box.rows) {
      fail(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range (" +
          what +
          ")."
      );
    }
    grid.forEach(function (row) {
      if (!Array.isArray(row) || row.length !== box.cols) {
        fail(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range (" +
            what +
            ")."
        );
      }
      row.forEach(function (value) {
        if (typeof value === "number" && !Number.isFinite(value)) {
          fail(
            "InvalidArgument",
            "A value in the input array is not a finite number (" + what + ")."
          );
        }
      });
    });
  }
  defineProperties(
    RangeProxy,
    [
      "values",
      "formulas",
      "numberFormat",
      "text",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "address",
    ],
    {
      formulas: function (grid) {
        // Formula text is stored as the cell's value (see "formulas" above).
        Object.getOwnPropertyDescriptor(RangeProxy.prototype, "values").set.call(this, grid);
      },
      values: function (grid) {
        var self = this;
        // Copied now (Office.js serialises at the call), without JSON so NaN stays NaN and is refused.
        var copy = Array.isArray(grid)
          ? grid.map(function (row) {
              return Array.isArray(row) ? row.slice() : row;
            })
          : grid;
        self.context._enqueue(function () {
          var box = self._target();
          checkGrid(copy, box, "values");
          // Table header cells are always text in Excel: a header is never parsed.
          var headerTables = state.tables.filter(function (t) {
            return t.sheet === box.sheet && t.row >= box.row && t.row < box.row + box.rows;
          });
          copy.forEach(function (row, r) {
            row.forEach(function (value, c) {
              // Office.js: a null in the input leaves that cell as it is.
              if (value === null) return;
              var at = { row: box.row + r, col: box.col + c };
              var isHeader = headerTables.some(function (t) {
                return t.row === at.row && at.col >= t.col && at.col < t.col + t.cols;
              });
              if (isHeader) {
                setCell(
                  box.sheet,
                  at.row,
                  at.col,
                  value === "" ? "" : displayText(value, "General")
                );
                return;
              }
              var existing = box.sheet.cells.get(key(at.row, at.col));
              var format = existing ? existing.format : "General";
              var typed = typedInput(value, format);
              setCell(box.sheet, at.row, at.col, typed.value);
              if (typed.format && format === "General")
                setFormat(box.sheet, at.row, at.col, typed.format);
            });
          });
          state.tables.forEach(function (t) {
            if (
              t.sheet === box.sheet &&
              overlaps(tableBox(t), { row: t.row, col: t.col, rows: 1, cols: t.cols })
            ) {
              // Header cells are the column names: keep them text, as Excel does.
              for (var c = 0; c < t.cols; c++) {
                var header = getCell(t.sheet, t.row, t.col + c);
                if (header === "") setCell(t.sheet, t.row, t.col + c, "Column" + (c + 1));
              }
            }
          });
        }, JSON.stringify(copy).length);
      },
      numberFormat: function (grid) {
        var self = this;
        var copy = JSON.parse(JSON.stringify(grid));
        self.context._enqueue(function () {
          var box = self._target();
          checkGrid(copy, box, "numberFormat");
          copy.forEach(function (row) {
            row.forEach(checkNumberFormat);
          });
          copy.forEach(function (row, r) {
            row.forEach(function (format, c) {
              setFormat(box.sheet, box.row + r, box.col + c, format);
            });
          });
        }, JSON.stringify(copy).length);
      },
    }
  );
  RangeProxy.prototype.clear = function () {
    var self = this;
    self.context._enqueue(function () {
      var box = self._target();
      for (var r = 0; r < box.rows; r++)
        for (var c = 0; c < box.cols; c++) box.sheet.cells.delete(key(box.row + r, box.col + c));
    });
  };
  RangeProxy.prototype.getLastRow = function () {
    var self = this;
    return new RangeProxy(self.context, function () {
      var box = self._target();
      return {
        sheet: box.sheet,
        row: box.row + box.rows - 1,
        col: box.col,
        rows: 1,
        cols: box.cols,
      };
    });
  };
  /* Conditional formats: recorded per sheet as { address, type, criteria }, never evaluated. */
  function conditionalFormatsOf(sheet) {
    if (!sheet.conditionalFormats) sheet.conditionalFormats = [];
    return sheet.conditionalFormats;
  }
  Object.defineProperty(RangeProxy.prototype, "conditionalFormats", {
    get: function () {
      var self = this;
      var context = self.context;
      return {
        add: function (type) {
          var record = null;
          context._enqueue(function () {
            requireApi("1.6", "Range.conditionalFormats");
            var box = self._target();
            record = {
              address: addressOf(box.sheet, box),
              box: box,
              type: String(type),
              criteria: null,
            };
            conditionalFormatsOf(box.sheet).push(record);
          });
          var colorScale = {};
          Object.defineProperty(colorScale, "criteria", {
            set: function (criteria) {
              var copy = JSON.parse(JSON.stringify(criteria));
              context._enqueue(function () {
                record.criteria = copy;
              });
            },
          });
          return { colorScale: colorScale };
        },
        clearAll: function () {
          context._enqueue(function () {
            var box = self._target();
            box.sheet.conditionalFormats = conditionalFormatsOf(box.sheet).filter(function (f) {
              return !overlaps(f.box, box);
            });
          });
        },
      };
    },
  });
  /* range.format.autofitColumns(): column widths are not modelled; the range must exist. */
  Object.defineProperty(RangeProxy.prototype, "format", {
    get: function () {
      var self = this;
      return {
        autofitColumns: function () {
          self.context._enqueue(function () {
            requireApi("1.2", "RangeFormat.autofitColumns");
            self._target();
          });
        },
      };
    },
  });

  /* Tables */
  function TableCollectionProxy(context, sheetOf) {
    this.context = context;
    this._sheetOf = sheetOf;
  }
  /* load("items/name,…"): after the sync, `items` lists the tables (of the sheet, or all), each a
   * proxy with those properties loaded. */
  TableCollectionProxy.prototype.load = function (names) {
    var self = this;
    var context = self.context;
    var sheetOf = self._sheetOf;
    var wanted = String(names || "")
      .split(",")
      .map(function (n) {
        return n.trim().replace(/^items\//, "");
      })
      .filter(function (n) {
        return n !== "";
      });
    context._enqueue(function () {
      var sheet = sheetOf ? sheetOf() : null;
      var items = state.tables
        .filter(function (t) {
          return !sheet || t.sheet === sheet;
        })
        .map(function (t) {
          var proxy = new TableProxy(
            context,
            function () {
              return state.tables.indexOf(t) >= 0 ? t : null;
            },
            false
          );
          proxy._loaded = {};
          wanted.forEach(function (n) {
            proxy._loaded[n] = proxy._snapshot(t, n);
          });
          return proxy;
        });
      respond(
        items.map(function (proxy) {
          return proxy._loaded;
        }),
        function () {
          self._items = items;
        }
      );
    });
    return self;
  };
  Object.defineProperty(TableCollectionProxy.prototype, "items", {
    get: function () {
      if (!this._items) {
        fail("PropertyNotLoaded", "The property 'items' is not available before load and sync.");
      }
      return this._items;
    },
  });
  TableCollectionProxy.prototype.getItemOrNullObject = function (name) {
    var sheetOf = this._sheetOf;
    return new TableProxy(
      this.context,
      function () {
        requireApi("1.4", "TableCollection.getItemOrNullObject");
        var t = findTable(name);
        if (t && sheetOf && t.sheet !== sheetOf()) return null;
        return t;
      },
      true
    );
  };
  TableCollectionProxy.prototype.add = function (address, hasHeaders) {
    var context = this.context;
    var sheetOf = this._sheetOf;
    var created = null;
    context._enqueue(function () {
      var box;
      if (address instanceof RangeProxy) {
        checkSameContext(context, address);
        box = address._target();
      } else {
        var parsed = parseAddress(address);
        var sheet = parsed.sheet ? findSheet(parsed.sheet) : sheetOf ? sheetOf() : null;
        if (!sheet) fail("InvalidArgument", "The address " + address + " names no sheet.");
        box = {
          sheet: sheet,
          row: parsed.row,
          col: parsed.col,
          rows: parsed.rows,
          cols: parsed.cols,
        };
      }
      if (!hasHeaders) fail("InvalidArgument", "This double supports tables with headers only.");
      if (box.rows < 2)
        fail("InvalidArgument", "A table needs a header row and at least one data row.");
      state.tables.forEach(function (t) {
        if (t.sheet === box.sheet && overlaps(tableBox(t), box)) {
          fail("MergedRangeConflict", "A table can't overlap another table (" + t.name + ").");
        }
      });
      var id = newTableId(state.nextTableId);
      var legacyId = String(state.nextTableId);
      var defaultName = "Table" + state.nextTableId;
      while (nameTaken(defaultName, null)) defaultName += "_";
      created = {
        id: id,
        legacyId: legacyId,
        name: defaultName,
        sheet: box.sheet,
        row: box.row,
        col: box.col,
        rows: box.rows,
        cols: box.cols,
      };
      state.nextTableId += 1;
      for (var c = 0; c < box.cols; c++) {
        if (getCell(box.sheet, box.row, box.col + c) === "")
          setCell(box.sheet, box.row, box.col + c, "Column" + (c + 1));
      }
      state.tables.push(created);
    });
    return new TableProxy(
      context,
      function () {
        return created && state.tables.indexOf(created) >= 0 ? created : null;
      },
      false
    );
  };

  function TableProxy(context, resolve, nullable) {
    Proxy.call(this, context, resolve, nullable);
    var self = this;
    this.columns = new TableColumnCollectionProxy(context, function () {
      return self._target();
    });
    var sheetProxy = new WorksheetProxy(
      context,
      function () {
        requireApi("1.2", "Table.worksheet");
        return self._target().sheet;
      },
      false
    );
    this.worksheet = sheetProxy;
  }
  inherit(TableProxy);
  TableProxy.prototype._snapshot = function (t, name) {
    if (name === "name") return t.name;
    if (name === "id") return t.id;
    if (name === "legacyId") {
      requireApi("1.8", "Table.legacyId");
      return t.legacyId;
    }
    if (name === "showHeaders") return true;
    if (name === "showTotals") return false;
    fail("InvalidArgument", "Table has no property " + name);
  };
  defineProperties(TableProxy, ["name", "id", "legacyId", "showHeaders", "showTotals"], {
    name: function (value) {
      var self = this;
      self.context._enqueue(function () {
        var t = self._target();
        checkTableName(String(value));
        refuseTakenName(String(value), t);
        t.name = String(value);
      });
    },
  });
  TableProxy.prototype.getRange = function () {
    var self = this;
    return new RangeProxy(self.context, function () {
      var t = self._target();
      return { sheet: t.sheet, row: t.row, col: t.col, rows: t.rows, cols: t.cols };
    });
  };
  TableProxy.prototype.getHeaderRowRange = function () {
    var self = this;
    return new RangeProxy(self.context, function () {
      var t = self._target();
      return { sheet: t.sheet, row: t.row, col: t.col, rows: 1, cols: t.cols };
    });
  };
  TableProxy.prototype.getDataBodyRange = function () {
    var self = this;
    return new RangeProxy(self.context, function () {
      var t = self._target();
      return { sheet: t.sheet, row: t.row + 1, col: t.col, rows: t.rows - 1, cols: t.cols };
    });
  };
  TableProxy.prototype.resize = function (range) {
    var self = this;
    self.context._enqueue(function () {
      requireApi("1.13", "Table.resize");
      var t = self._target();
      var box;
      if (range instanceof RangeProxy) {
        checkSameContext(self.context, range);
        box = range._target();
      } else {
        var parsed = parseAddress(range);
        box = {
          sheet: parsed.sheet ? findSheet(parsed.sheet) : t.sheet,
          row: parsed.row,
          col: parsed.col,
          rows: parsed.rows,
          cols: parsed.cols,
        };
      }
      // Excel: the header row stays where it is and the new range overlaps the old one.
      if (
        box.sheet !== t.sheet ||
        box.row !== t.row ||
        !overlaps(tableBox(t), box) ||
        box.rows < 2
      ) {
        fail(
          "InvalidArgument",
          "The table can't be resized to that range: keep its header row and overlap it."
        );
      }
      state.tables.forEach(function (other) {
        if (other !== t && other.sheet === box.sheet && overlaps(tableBox(other), box)) {
          // MergedRangeConflict: "A table can't overlap with another table, …" (error codes page).
          fail("MergedRangeConflict", "A table can't overlap another table (" + other.name + ").");
        }
      });
      t.col = box.col;
      t.rows = box.rows;
      t.cols = box.cols;
      for (var c = 0; c < t.cols; c++) {
        if (getCell(t.sheet, t.row, t.col + c) === "")
          setCell(t.sheet, t.row, t.col + c, "Column" + (c + 1));
      }
    });
  };
  TableProxy.prototype.delete = function () {
    var self = this;
    self.context._enqueue(function () {
      var t = self._target();
      state.tables.splice(state.tables.indexOf(t), 1);
    });
  };

  /* Table columns. Excel inserts or deletes cells, not sheet columns: a column added to (deleted
   * from) a table shifts every cell right of it in the table's rows, up to the sheet's last column,
   * by one (the error codes page, OperationCellsExceedLimit: "(number of table rows) x (16383 -
   * (number of table columns))" cells are processed). Cells outside those rows stay. An insert that
   * would push a non-blank cell off the sheet is refused (NonBlankCellOffSheet), and so is a shift
   * that would cut through another table (InsertDeleteConflict); a table wholly inside the rows
   * moves with the cells. */
  function TableColumnCollectionProxy(context, tableOf) {
    this.context = context;
    this._tableOf = tableOf;
  }
  function shiftRowsRight(t, fromColumn, delta) {
    var sheet = t.sheet;
    var inRows = function (r) {
      return r >= t.row && r < t.row + t.rows;
    };
    var band = { row: t.row, col: fromColumn, rows: t.rows, cols: MAX_COLUMNS - fromColumn };
    var carried = [];
    state.tables.forEach(function (other) {
      if (other === t || other.sheet !== sheet || !overlaps(tableBox(other), band)) return;
      if (other.row < t.row || other.row + other.rows > t.row + t.rows) {
        fail(
          "InsertDeleteConflict",
          "The insert or delete operation attempted resulted in a conflict: it would shift part of the table " +
            other.name +
            "."
        );
      }
      carried.push(other);
    });
    var moved = [];
    sheet.cells.forEach(function (cell, k) {
      var parts = k.split(",");
      var r = Number(parts[0]);
      var c = Number(parts[1]);
      if (!inRows(r) || c < fromColumn) return;
      if (delta > 0 && c + delta >= MAX_COLUMNS && cell.value !== "") {
        fail(
          "NonBlankCellOffSheet",
          "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet."
        );
      }
      moved.push({ r: r, c: c, cell: cell });
    });
    moved.forEach(function (m) {
      sheet.cells.delete(key(m.r, m.c));
    });
    moved.forEach(function (m) {
      if (m.c + delta < MAX_COLUMNS) sheet.cells.set(key(m.r, m.c + delta), m.cell);
    });
    carried.forEach(function (other) {
      other.col += delta;
    });
  }
  TableColumnCollectionProxy.prototype.add = function (index, values, name) {
    var tableOf = this._tableOf;
    this.context._enqueue(function () {
      var t = tableOf();
      var at = index === undefined || index === null ? t.cols : index;
      if (at < 0 || at > t.cols) fail("InvalidArgument", "The column index is out of range.");
      shiftRowsRight(t, t.col + at, 1);
      t.cols += 1;
      setCell(t.sheet, t.row, t.col + at, name || "Column" + (at + 1));
    });
  };
  TableColumnCollectionProxy.prototype.getItemAt = function (index) {
    var context = this.context;
    var tableOf = this._tableOf;
    return {
      delete: function () {
        context._enqueue(function () {
          var t = tableOf();
          if (index < 0 || index >= t.cols || t.cols === 1)
            fail("InvalidArgument", "The column index is out of range.");
          for (var r = t.row; r < t.row + t.rows; r++) t.sheet.cells.delete(key(r, t.col + index));
          shiftRowsRight(t, t.col + index + 1, -1);
          t.cols -= 1;
        });
      },
    };
  };

  /* Charts: recorded (type, name, title, source and x-axis addresses, position), never drawn. */
  function chartsOf(sheet) {
    if (!sheet.charts) sheet.charts = [];
    return sheet.charts;
  }
  function rangeAddress(range) {
    if (range instanceof RangeProxy) {
      var box = range._target();
      return addressOf(box.sheet, box);
    }
    return String(range);
  }
  function ChartCollectionProxy(context, sheetOf) {
    this.context = context;
    this._sheetOf = sheetOf;
  }
  ChartCollectionProxy.prototype.getItemOrNullObject = function (name) {
    var sheetOf = this._sheetOf;
    return new ChartProxy(
      this.context,
      function () {
        requireApi("1.4", "ChartCollection.getItemOrNullObject");
        var lower = String(name).toLowerCase();
        return (
          chartsOf(sheetOf()).find(function (c) {
            return c.name.toLowerCase() === lower;
          }) || null
        );
      },
      true
    );
  };
  ChartCollectionProxy.prototype.add = function (type, sourceData, seriesBy) {
    var sheetOf = this._sheetOf;
    var context = this.context;
    var created = null;
    this.context._enqueue(function () {
      var sheet = sheetOf();
      if (!(sourceData instanceof RangeProxy))
        fail("InvalidArgument", "charts.add needs a Range as its source data.");
      checkSameContext(context, sourceData);
      created = {
        name: "Chart " + (chartsOf(sheet).length + 1),
        type: String(type),
        source: rangeAddress(sourceData),
        seriesBy: seriesBy || "Auto",
        title: "",
        xAxis: null,
        position: null,
      };
      chartsOf(sheet).push(created);
    });
    return new ChartProxy(
      this.context,
      function () {
        return created;
      },
      false
    );
  };
  function ChartProxy(context, resolve, nullable) {
    Proxy.call(this, context, resolve, nullable);
    var self = this;
    this.title = {};
    Object.defineProperty(this.title, "text", {
      set: function (text) {
        context._enqueue(function () {
          self._target().title = String(text);
        });
      },
    });
    this.series = {
      getItemAt: function (index) {
        return {
          setXAxisValues: function (range) {
            context._enqueue(function () {
              requireApi("1.7", "ChartSeries.setXAxisValues");
              checkSameContext(context, range);
              if (index !== 0) fail("InvalidArgument", "This double records series 0 only.");
              self._target().xAxis = rangeAddress(range);
            });
          },
        };
      },
    };
  }
  inherit(ChartProxy);
  ChartProxy.prototype._snapshot = function (chart, name) {
    if (name === "name") return chart.name;
    if (name === "chartType") {
      requireApi("1.7", "Chart.chartType");
      return chart.type;
    }
    fail("InvalidArgument", "Chart has no property " + name);
  };
  defineProperties(ChartProxy, ["name", "chartType"], {
    name: function (value) {
      var self = this;
      self.context._enqueue(function () {
        self._target().name = String(value);
      });
    },
    chartType: function (value) {
      var self = this;
      self.context._enqueue(function () {
        self._target().type = String(value);
      });
    },
  });
  ChartProxy.prototype.setData = function (sourceData, seriesBy) {
    var self = this;
    self.context._enqueue(function () {
      checkSameContext(self.context, sourceData);
      var chart = self._target();
      chart.source = rangeAddress(sourceData);
      chart.seriesBy = seriesBy || "Auto";
    });
  };
  ChartProxy.prototype.setPosition = function (startCell, endCell) {
    var self = this;
    self.context._enqueue(function () {
      self._target().position = [rangeAddress(startCell), endCell ? rangeAddress(endCell) : null];
    });
  };

  window.Excel = {
    run: function (batch) {
      state.runCount += 1;
      var context = new RequestContext();
      var close = function () {
        context._closed = true;
      };
      return Promise.resolve()
        .then(function () {
          return batch(context);
        })
        .then(function (result) {
          // Excel.run syncs what is still queued when the batch resolves.
          if (context._queue.length === 0) return result;
          return context.sync().then(function () {
            return result;
          });
        })
        .then(
          function (result) {
            close();
            return result;
          },
          function (error) {
            close();
            throw error;
          }
        );
    },
    RequestContext: RequestContext,
    ClearApplyTo: { all: "All", contents: "Contents", formats: "Formats" },
    ConditionalFormatType: { colorScale: "ColorScale" },
  };

  /* What tests read and arrange. */
  window.__fakeWorkbook = {
    get syncCount() {
      return state.syncCount;
    },
    get runCount() {
      return state.runCount;
    },
    get payloads() {
      return state.lastPayloads.slice();
    },
    get payloadLimit() {
      return state.payloadLimit;
    },
    set payloadLimit(limit) {
      state.payloadLimit = limit;
    },
    /* Characters of JSON each sync's loaded values took, and the most a response may take. */
    get responses() {
      return state.lastResponses.slice();
    },
    get responseLimit() {
      return state.responseLimit;
    },
    set responseLimit(limit) {
      state.responseLimit = limit;
    },
    /* Plays an Excel that supports only these requirement sets ({ ExcelApi: "1.6" }); null: all. */
    setRequirementSets: function (sets) {
      window.__officeDouble.setRequirementSets(sets);
    },
    resetCounters: function () {
      state.syncCount = 0;
      state.runCount = 0;
      state.lastPayloads = [];
      state.lastResponses = [];
    },
    failNextSync: function (code, message) {
      state.failNextSync = { code: code, message: message || code };
    },
    reset: function () {
      state.sheets = [];
      state.tables = [];
      state.properties = new Map();
      state.names = [];
      state.nextTableId = 1;
      state.generation = 0;
      state.payloadLimit = WEB_PAYLOAD_LIMIT;
      state.responseLimit = WEB_PAYLOAD_LIMIT;
      state.failNextSync = null;
      window.__officeDouble.setRequirementSets(null);
      this.resetCounters();
    },
    /* The workbook as JSON (sheets, tables, custom properties), to "save" it and open it in a
     * fresh page with importState: what survives closing and reopening a workbook. */
    exportState: function () {
      return JSON.stringify({
        sheets: state.sheets.map(function (s) {
          return {
            name: s.name,
            cells: Array.from(s.cells.entries()),
            charts: chartsOf(s),
            customProperties: Array.from(sheetPropertiesOf(s).entries()),
            frozen: s.frozen || null,
          };
        }),
        tables: state.tables.map(function (t) {
          return {
            legacyId: t.legacyId,
            name: t.name,
            sheet: t.sheet.name,
            row: t.row,
            col: t.col,
            rows: t.rows,
            cols: t.cols,
          };
        }),
        properties: Array.from(state.properties.entries()),
        names: state.names,
        nextTableId: state.nextTableId,
        generation: state.generation,
      });
    },
    importState: function (json) {
      var saved = JSON.parse(json);
      this.reset();
      // A reopen is a new session: worksheet and table ids are new (office-js issue 1390), while
      // legacyIds, worksheet custom properties and the document's custom properties are kept.
      state.generation = (saved.generation || 0) + 1;
      state.sheets = saved.sheets.map(function (s) {
        return {
          name: s.name,
          cells: new Map(s.cells),
          charts: s.charts || [],
          customProperties: new Map(s.customProperties || []),
          frozen: s.frozen || undefined,
        };
      });
      state.tables = saved.tables.map(function (t) {
        var legacyId = t.legacyId || String(t.id).replace(/^.*-0*(\d+)\}$/, "$1");
        return {
          id: newTableId(Number(legacyId)),
          legacyId: legacyId,
          name: t.name,
          sheet: findSheet(t.sheet),
          row: t.row,
          col: t.col,
          rows: t.rows,
          cols: t.cols,
        };
      });
      state.properties = new Map(saved.properties);
      state.names = (saved.names || []).map(function (n) {
        return { name: n.name, formula: n.formula };
      });
      state.nextTableId = saved.nextTableId;
    },
    sheetNames: function () {
      return state.sheets.map(function (s) {
        return s.name;
      });
    },
    addSheet: function (name) {
      if (!findSheet(name)) state.sheets.push({ name: name, cells: new Map() });
    },
    setCell: function (sheetName, address, value) {
      this.addSheet(sheetName);
      var box = parseAddress(address);
      setCell(findSheet(sheetName), box.row, box.col, value);
    },
    getCell: function (sheetName, address) {
      var sheet = findSheet(sheetName);
      var box = parseAddress(address);
      return sheet ? getCell(sheet, box.row, box.col) : undefined;
    },
    /* What the cell shows: its value through its number format, as Range.text gives it. */
    getText: function (sheetName, address) {
      var sheet = findSheet(sheetName);
      var box = parseAddress(address);
      return sheet ? cellText(sheet, box.row, box.col) : undefined;
    },
    /* Rows and columns frozen on a sheet ({ rows, columns }; zeros when none). */
    frozenPanes: function (sheetName) {
      var sheet = findSheet(sheetName);
      return sheet && sheet.frozen ? Object.assign({}, sheet.frozen) : { rows: 0, columns: 0 };
    },
    /* A sheet's custom properties (worksheet.customProperties), key → value. */
    sheetProperties: function (sheetName) {
      var out = {};
      var sheet = findSheet(sheetName);
      if (sheet) {
        sheetPropertiesOf(sheet).forEach(function (p) {
          out[p.key] = p.value;
        });
      }
      return out;
    },
    getFormat: function (sheetName, address) {
      var sheet = findSheet(sheetName);
      var box = parseAddress(address);
      var cell = sheet && sheet.cells.get(key(box.row, box.col));
      return cell ? cell.format : "General";
    },
    /* A defined name the user made (Formulas › Name Manager), referring to a formula such as
     * "=Notes!$A$1"; refused as Excel refuses it (invalid, or already a table or a name). */
    addUserName: function (name, formula) {
      checkName(String(name), "defined");
      refuseTakenName(String(name), null);
      state.names.push({ name: String(name), formula: String(formula) });
    },
    names: function () {
      return state.names.map(function (n) {
        return n.name;
      });
    },
    /* A table the user made: values[0] is the header row. */
    addUserTable: function (sheetName, name, topLeft, values) {
      this.addSheet(sheetName);
      var sheet = findSheet(sheetName);
      var at = parseAddress(topLeft);
      values.forEach(function (row, r) {
        row.forEach(function (v, c) {
          setCell(sheet, at.row + r, at.col + c, v);
        });
      });
      var t = {
        id: newTableId(state.nextTableId),
        legacyId: String(state.nextTableId),
        name: name,
        sheet: sheet,
        row: at.row,
        col: at.col,
        rows: values.length,
        cols: values[0].length,
      };
      state.nextTableId += 1;
      state.tables.push(t);
      return t.id;
    },
    /* Moves a table (cells and all) to another sheet and cell, as cut-and-paste does. */
    moveTable: function (name, sheetName, topLeft) {
      var t = findTable(name);
      this.addSheet(sheetName);
      var target = findSheet(sheetName);
      var at = parseAddress(topLeft);
      var moved = [];
      for (var r = 0; r < t.rows; r++) {
        for (var c = 0; c < t.cols; c++) {
          moved.push({ r: r, c: c, cell: t.sheet.cells.get(key(t.row + r, t.col + c)) });
          t.sheet.cells.delete(key(t.row + r, t.col + c));
        }
      }
      moved.forEach(function (m) {
        if (m.cell !== undefined) target.cells.set(key(at.row + m.r, at.col + m.c), m.cell);
      });
      t.sheet = target;
      t.row = at.row;
      t.col = at.col;
    },
    /* Every chart: { sheet, name, type, title, source, seriesBy, xAxis, position }. */
    charts: function () {
      var out = [];
      state.sheets.forEach(function (sheet) {
        chartsOf(sheet).forEach(function (c) {
          out.push(Object.assign({ sheet: sheet.name }, c));
        });
      });
      return out;
    },
    /* Every conditional format: { sheet, address, type, criteria }. */
    conditionalFormats: function () {
      var out = [];
      state.sheets.forEach(function (sheet) {
        conditionalFormatsOf(sheet).forEach(function (f) {
          out.push({ sheet: sheet.name, address: f.address, type: f.type, criteria: f.criteria });
        });
      });
      return out;
    },
    tableNames: function () {
      return state.tables.map(function (t) {
        return t.name;
      });
    },
    /* { id, sheet, address, headers, rows } of a table, or null. */
    table: function (name) {
      var t = findTable(name);
      if (!t) return null;
      var values = boxValues({
        sheet: t.sheet,
        row: t.row,
        col: t.col,
        rows: t.rows,
        cols: t.cols,
      });
      var texts = [];
      for (var r = 1; r < t.rows; r++) {
        var line = [];
        for (var c = 0; c < t.cols; c++) line.push(cellText(t.sheet, t.row + r, t.col + c));
        texts.push(line);
      }
      return {
        id: t.id,
        legacyId: t.legacyId,
        sheet: t.sheet.name,
        address: addressOf(t.sheet, tableBox(t)),
        headers: values[0],
        rows: values.slice(1),
        /* The data rows as Excel shows them (Range.text: values through their number formats). */
        text: texts,
      };
    },
    properties: function () {
      var out = {};
      state.properties.forEach(function (p) {
        out[p.key] = p.value;
      });
      return out;
    },
  };
})();
