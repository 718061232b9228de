function (newDoc, oldDoc, userCtx, secObj) {
  // Thi đua: which documents this database accepts, and from whom.
  // CouchDB 3.x runs this (SpiderMonkey or QuickJS): ES5 only, no arrow functions, no `let`.
  // scripts/couch-setup.mjs replaces SHAPES below by a table generated from
  // docs/export.schema.json: per collection, the required fields, the simple JSON type of each
  // field (e.g. "string|null"), the allowed words of enumerated fields and the date formats.
  //
  // What this function checks: the document id (`<collection>:<meta.id>`, a known collection),
  // `meta` (id, changed_by, changed_at as RFC 3339, edits of non-negative integers, deleted),
  // the record's required fields, the JSON type of its top-level fields, enumerated words and
  // dates; and who may write it (below).
  // What it cannot check, and the app checks when it reads a document (as an import does):
  // the shape inside nested values (criteria, entries, marks, tallies, history…), the rules
  // spanning fields (a target criterion's formula, years in order), references between records
  // (a scorecard's unit_id names a unit), numeric ranges beyond edits, and the domain's rules
  // (a final card changes only through a recorded reopening). A document failing those is
  // skipped by the app with its reason, never merged.
  var SHAPES = /*SHAPES*/ {};

  var roles = (userCtx && userCtx.roles) || [];
  var who = (userCtx && userCtx.name) || "(không đăng nhập)";

  function refuse(reason) {
    throw { forbidden: reason };
  }
  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }
  function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }
  function typeOf(value) {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number") return Math.floor(value) === value ? "integer" : "number";
    return typeof value;
  }
  function fits(value, types) {
    var t = typeOf(value);
    var allowed = types.split("|");
    return allowed.indexOf(t) >= 0 || (t === "integer" && allowed.indexOf("number") >= 0);
  }
  var TYPE_WORDS = {
    string: "chuỗi ký tự", integer: "số nguyên", number: "số", boolean: "true/false",
    array: "danh sách", object: "đối tượng", "null": "null"
  };
  function typeWords(types) {
    var parts = types.split("|");
    var words = [];
    for (var i = 0; i < parts.length; i++) words.push(TYPE_WORDS[parts[i]] || parts[i]);
    return words.join(" hoặc ");
  }
  var RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  function deepEqual(a, b) {
    if (a === b) return true;
    if (typeOf(a) !== typeOf(b) || typeof a !== "object" || a === null) return false;
    var key;
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (key = 0; key < a.length; key++) if (!deepEqual(a[key], b[key])) return false;
      return true;
    }
    for (key in a) if (has(a, key) && (!has(b, key) || !deepEqual(a[key], b[key]))) return false;
    for (key in b) if (has(b, key) && !has(a, key)) return false;
    return true;
  }

  var isAdmin = roles.indexOf("_admin") >= 0;
  var isFederation = roles.indexOf("thidua-federation") >= 0;
  var offices = [];
  for (var r = 0; r < roles.length; r++) {
    if (roles[r].indexOf("thidua-office:") === 0) offices.push(roles[r].slice("thidua-office:".length));
  }
  function officeWords() {
    return offices.length ? "của đơn vị " + offices.join(", ") : "«" + who + "»";
  }
  function mayWriteAll() {
    return isAdmin || isFederation;
  }

  // A CouchDB deletion: only the losing revisions of a conflict are removed so (our deletions
  // are records with meta.deleted). CouchDB hands the revision being removed as oldDoc.
  if (newDoc._deleted === true) {
    if (mayWriteAll()) return;
    var removed = oldDoc && oldDoc.meta && oldDoc.meta.changed_by;
    if (removed && offices.indexOf(removed) >= 0) return;
    refuse(
      "Chỉ được xoá phiên bản xung đột do chính đơn vị mình sửa lần cuối; phiên bản này của «" +
        newDoc._id + "» do đơn vị " + (removed || "không rõ") + " sửa, tài khoản " + officeWords() +
        " không được xoá."
    );
  }

  // The id and the record's shape.
  var id = String(newDoc._id);
  var colon = id.indexOf(":");
  if (colon < 1) {
    refuse("Mã tài liệu «" + id + "» không đúng dạng <nhóm bản ghi>:<mã bản ghi> (ví dụ units:7f3a…).");
  }
  var collection = id.slice(0, colon);
  var recordId = id.slice(colon + 1);
  if (!has(SHAPES, collection)) {
    var known = [];
    for (var c in SHAPES) if (has(SHAPES, c)) known.push(c);
    refuse("Mã tài liệu «" + id + "»: nhóm bản ghi «" + collection + "» không có trong ứng dụng (" + known.join(", ") + ").");
  }
  var shape = SHAPES[collection];
  var meta = newDoc.meta;
  if (!isObject(meta)) refuse("Bản ghi «" + id + "» thiếu trường «meta» (đối tượng).");
  if (typeof meta.id !== "string" || meta.id === "") refuse("Bản ghi «" + id + "»: «meta.id» phải là chuỗi ký tự không rỗng.");
  if (meta.id !== recordId) refuse("Bản ghi «" + id + "»: «meta.id» là «" + meta.id + "», phải trùng với phần sau dấu hai chấm của mã tài liệu («" + recordId + "»).");
  if (typeof meta.changed_by !== "string" || meta.changed_by === "") refuse("Bản ghi «" + id + "»: «meta.changed_by» phải là mã đơn vị (chuỗi ký tự không rỗng).");
  if (typeof meta.changed_at !== "string" || !RFC3339.test(meta.changed_at)) refuse("Bản ghi «" + id + "»: «meta.changed_at» phải là thời điểm dạng RFC 3339 (ví dụ 2026-11-20T02:15:00Z).");
  if (has(meta, "edits")) {
    if (!isObject(meta.edits)) refuse("Bản ghi «" + id + "»: «meta.edits» phải là đối tượng (số lần sửa theo mã đơn vị).");
    for (var office in meta.edits) {
      if (has(meta.edits, office) && (typeOf(meta.edits[office]) !== "integer" || meta.edits[office] < 0)) {
        refuse("Bản ghi «" + id + "»: «meta.edits." + office + "» phải là số nguyên không âm.");
      }
    }
  }
  if (has(meta, "deleted") && typeof meta.deleted !== "boolean") refuse("Bản ghi «" + id + "»: «meta.deleted» phải là true hoặc false.");

  // A tombstone keeps only what the app needs to delete the record: its fields are not required.
  var tombstone = meta.deleted === true;
  for (var q = 0; q < shape.required.length && !tombstone; q++) {
    if (!has(newDoc, shape.required[q])) refuse("Bản ghi «" + id + "» thiếu trường bắt buộc «" + shape.required[q] + "».");
  }
  for (var field in shape.types) {
    if (has(shape.types, field) && has(newDoc, field) && !fits(newDoc[field], shape.types[field])) {
      refuse("Bản ghi «" + id + "»: trường «" + field + "» phải là " + typeWords(shape.types[field]) + ".");
    }
  }
  for (var word in shape.enums) {
    if (has(shape.enums, word) && typeof newDoc[word] === "string" && shape.enums[word].indexOf(newDoc[word]) < 0) {
      refuse("Bản ghi «" + id + "»: trường «" + word + "» là «" + newDoc[word] + "», phải là một trong: " + shape.enums[word].join(", ") + ".");
    }
  }
  for (var day in shape.dates) {
    if (has(shape.dates, day) && typeof newDoc[day] === "string") {
      var pattern = shape.dates[day] === "date-time" ? RFC3339 : DATE;
      if (!pattern.test(newDoc[day])) refuse("Bản ghi «" + id + "»: trường «" + day + "» phải là ngày dạng " + (shape.dates[day] === "date-time" ? "RFC 3339" : "yyyy-mm-dd") + ".");
    }
  }

  // Who may write it.
  if (mayWriteAll()) return;
  if (!offices.length) {
    refuse("Tài khoản «" + who + "» chưa có vai trò đơn vị (thidua-office:<mã đơn vị>) hay thidua-federation: quản trị viên máy chủ cần cấp vai trò.");
  }
  if (offices.indexOf(meta.changed_by) >= 0) return;
  if (oldDoc && !oldDoc._deleted && onlyEditsGrew(newDoc, oldDoc)) return;
  refuse(
    "Bản ghi do đơn vị khác sửa lần cuối (mã " + meta.changed_by + "); tài khoản " + officeWords() +
      " chỉ được ghi thay đổi của chính đơn vị mình."
  );

  // A merge that only joins version vectors: the same record, with no office's count of edits
  // smaller than the stored one's.
  function onlyEditsGrew(next, stored) {
    var key;
    for (key in next) if (has(next, key) && key.charAt(0) !== "_" && key !== "meta" && !deepEqual(next[key], stored[key])) return false;
    for (key in stored) if (has(stored, key) && key.charAt(0) !== "_" && !has(next, key)) return false;
    var a = next.meta;
    var b = stored.meta;
    if (!isObject(b)) return false;
    for (key in a) if (has(a, key) && key !== "edits" && !deepEqual(a[key], b[key])) return false;
    for (key in b) if (has(b, key) && key !== "edits" && !has(a, key)) return false;
    var grown = a.edits || {};
    var before = isObject(b.edits) ? b.edits : {};
    for (key in before) if (has(before, key) && !(grown[key] >= before[key])) return false;
    return true;
  }
}
