import Awards

extension SQLiteStore: AccountStore {}
