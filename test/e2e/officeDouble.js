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

/*
 * In-memory Excel: exactly the Excel API the task pane's sheet writer uses, with Office.js batch
 * semantics. Proxies queue commands; context.sync() runs the queue in order; a property is
 * readable only after load() and a sync (else it throws PropertyNotLoaded, as Office.js does);
 * isNullObject is known only after a sync. A sync whose queued values exceed the payload limit
 * (window.__fakeWorkbook.payloadLimit, in characters of JSON) is refused whole with
 * RequestPayloadSizeLimitExceeded, as Excel on the web refuses requests over 5 MB.
 * Tests drive and inspect it through window.__fakeWorkbook.
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

  var state = {
    sheets: [],
    tables: [],
    properties: new Map(),
    nextTableId: 1,
    syncCount: 0,
    runCount: 0,
    payloadLimit: Infinity,
    lastPayloads: [],
    failNextSync: null,
  };

  function fail(code, message) {
    throw new OfficeError(code, message);
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
  function checkTableName(name) {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      fail("InvalidArgument", "The table name " + name + " is not valid.");
    }
  }

  /* ---- request context, proxies and the command queue ---- */

  function RequestContext() {
    this._queue = [];
    this._payload = 0;
    this.workbook = new WorkbookProxy(this);
  }
  RequestContext.prototype.sync = function () {
    var context = this;
    var queue = context._queue;
    var payload = context._payload;
    context._queue = [];
    context._payload = 0;
    return Promise.resolve().then(function () {
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
      for (var i = 0; i < queue.length; i++) queue[i]();
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
      self._loaded = self._loaded || {};
      list.forEach(function (name) {
        if (name) self._loaded[name] = self._snapshot(target, name);
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
    this.application = {
      suspendApiCalculationUntilNextSync: function () {
        context._enqueue(function () {});
      },
    };
  }

  /* Custom document properties: the marker that says which tables Diversify owns. */
  function CustomPropertyCollectionProxy(context) {
    this.context = context;
  }
  CustomPropertyCollectionProxy.prototype.getItemOrNullObject = function (name) {
    return new CustomPropertyProxy(
      this.context,
      function () {
        return state.properties.get(String(name).toLowerCase()) || null;
      },
      true
    );
  };
  CustomPropertyCollectionProxy.prototype.add = function (name, value) {
    var context = this.context;
    context._enqueue(function () {
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
  }
  inherit(WorksheetProxy);
  var nextSheetId = 1;
  function sheetId(sheet) {
    // Ids are given on first read; a sheet keeps its id for as long as it exists (and is exported).
    if (!sheet.id) {
      sheet.id = "{SHEET-" + String(nextSheetId).padStart(8, "0") + "}";
      nextSheetId += 1;
    }
    return sheet.id;
  }
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
          copy.forEach(function (row, r) {
            row.forEach(function (value, c) {
              // Office.js: a null in the input leaves that cell as it is.
              if (value !== null) setCell(box.sheet, box.row + r, box.col + c, value);
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
      self._items = state.tables
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
          fail("InvalidOperation", "A table can't overlap another table (" + t.name + ").");
        }
      });
      var id = "{00000000-0000-4000-8000-" + String(state.nextTableId).padStart(12, "0") + "}";
      created = {
        id: id,
        name: "Table" + state.nextTableId,
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
    if (name === "showHeaders") return true;
    if (name === "showTotals") return false;
    fail("InvalidArgument", "Table has no property " + name);
  };
  defineProperties(TableProxy, ["name", "id", "showHeaders", "showTotals"], {
    name: function (value) {
      var self = this;
      self.context._enqueue(function () {
        var t = self._target();
        checkTableName(String(value));
        var other = findTable(value);
        if (other && other !== t)
          fail("InvalidArgument", "A table named " + value + " already exists.");
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
      var t = self._target();
      var box;
      if (range instanceof RangeProxy) box = range._target();
      else {
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
          fail("InvalidOperation", "A table can't overlap another table (" + other.name + ").");
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

  /* Table columns: insert and delete shift the table's own cells only, as Excel does within a table. */
  function TableColumnCollectionProxy(context, tableOf) {
    this.context = context;
    this._tableOf = tableOf;
  }
  function shiftColumns(t, from, delta) {
    var sheet = t.sheet;
    var moved = [];
    for (var r = t.row; r < t.row + t.rows; r++) {
      for (var c = t.col + from; c < t.col + t.cols; c++) {
        moved.push({ r: r, c: c, cell: sheet.cells.get(key(r, c)) });
        sheet.cells.delete(key(r, c));
      }
    }
    moved.forEach(function (m) {
      if (m.cell !== undefined) sheet.cells.set(key(m.r, m.c + delta), m.cell);
    });
  }
  TableColumnCollectionProxy.prototype.add = function (index, values, name) {
    var tableOf = this._tableOf;
    this.context._enqueue(function () {
      var t = tableOf();
      var at = index === undefined || index === null ? t.cols : index;
      if (at < 0 || at > t.cols) fail("InvalidArgument", "The column index is out of range.");
      shiftColumns(t, at, 1);
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
          shiftColumns(t, index + 1, -1);
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
    var created = null;
    this.context._enqueue(function () {
      var sheet = sheetOf();
      if (!(sourceData instanceof RangeProxy))
        fail("InvalidArgument", "charts.add needs a Range as its source data.");
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
    if (name === "chartType") return chart.type;
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
        });
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
    resetCounters: function () {
      state.syncCount = 0;
      state.runCount = 0;
      state.lastPayloads = [];
    },
    failNextSync: function (code, message) {
      state.failNextSync = { code: code, message: message || code };
    },
    reset: function () {
      state.sheets = [];
      state.tables = [];
      state.properties = new Map();
      state.nextTableId = 1;
      state.payloadLimit = Infinity;
      state.failNextSync = null;
      this.resetCounters();
    },
    /* The workbook as JSON (sheets, tables, custom properties), to "save" it and open it in a
     * fresh page with importState: what survives closing and reopening a workbook. */
    exportState: function () {
      return JSON.stringify({
        sheets: state.sheets.map(function (s) {
          return {
            name: s.name,
            id: sheetId(s),
            cells: Array.from(s.cells.entries()),
            charts: chartsOf(s),
          };
        }),
        tables: state.tables.map(function (t) {
          return {
            id: t.id,
            name: t.name,
            sheet: t.sheet.name,
            row: t.row,
            col: t.col,
            rows: t.rows,
            cols: t.cols,
          };
        }),
        properties: Array.from(state.properties.entries()),
        nextTableId: state.nextTableId,
      });
    },
    importState: function (json) {
      var saved = JSON.parse(json);
      this.reset();
      state.sheets = saved.sheets.map(function (s) {
        return { name: s.name, id: s.id, cells: new Map(s.cells), charts: s.charts || [] };
      });
      state.tables = saved.tables.map(function (t) {
        return {
          id: t.id,
          name: t.name,
          sheet: findSheet(t.sheet),
          row: t.row,
          col: t.col,
          rows: t.rows,
          cols: t.cols,
        };
      });
      state.properties = new Map(saved.properties);
      state.nextTableId = saved.nextTableId;
      state.sheets.forEach(function (sheet) {
        var n = sheet.id ? Number(String(sheet.id).replace(/\D/g, "")) : 0;
        if (n >= nextSheetId) nextSheetId = n + 1;
      });
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
    getFormat: function (sheetName, address) {
      var sheet = findSheet(sheetName);
      var box = parseAddress(address);
      var cell = sheet && sheet.cells.get(key(box.row, box.col));
      return cell ? cell.format : "General";
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
        id: "{00000000-0000-4000-8000-" + String(state.nextTableId).padStart(12, "0") + "}",
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
      return {
        id: t.id,
        sheet: t.sheet.name,
        address: addressOf(t.sheet, tableBox(t)),
        headers: values[0],
        rows: values.slice(1),
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
