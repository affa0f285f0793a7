import GRDB

/// Plain SQL on a store's file, to prove what the database itself refuses.
struct SQLiteRaw {
    let queue: DatabaseQueue

    init(path: String) throws { queue = try DatabaseQueue(path: path) }

    func execute(_ sql: String) throws { try queue.write { try $0.execute(sql: sql) } }
}
