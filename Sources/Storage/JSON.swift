import Awards

/// Canonical JSON for stored domain values.
typealias JSON = StoredJSON
