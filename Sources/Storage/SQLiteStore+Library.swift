import Awards

extension SQLiteStore: LibraryStore {}
