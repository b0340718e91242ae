# Minimal JSON writer (jsonlite is not installed): numbers with 17 significant digits, NA -> null.
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (is.list(x)) {
    keys <- names(x)
    parts <- vapply(seq_along(x), function(i) to_json(x[[i]], inner), character(1))
    if (is.null(keys)) return(paste0("[\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    return(paste0("{\n", inner, paste(sprintf("\"%s\": %s", keys, parts), collapse = paste0(",\n", inner)), "\n", indent, "}"))
  }
  scalar <- function(v) {
    if (is.na(v)) return("null")
    if (is.character(v) || is.factor(v)) return(sprintf("\"%s\"", gsub("\"", "\\\\\"", as.character(v))))
    if (is.logical(v)) return(if (v) "true" else "false")
    sprintf("%.17g", v)
  }
  vals <- vapply(as.list(x), scalar, character(1))
  if (length(x) == 1 && is.null(attr(x, "array"))) return(vals)
  paste0("[", paste(vals, collapse = ", "), "]")
}
as_array <- function(x) { attr(x, "array") <- TRUE; x }
