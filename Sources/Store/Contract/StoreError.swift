public import Domain

/// An operating error of a case store: expected, typed, and handled by the caller.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A dossier was written with a version that is no longer current: someone else wrote it first.
    /// Nothing was written; reread the dossier and decide again.
    case conflict(dossier: Dossier.ID, expectedVersion: Int64)
    /// A row with this natural key exists already.
    case duplicate(String)
    /// A row that must exist does not.
    case notFound(String)
    /// The database's schema is newer than this program knows; upgrade `adem` first.
    case schemaTooNew(databaseVersion: Int, knownVersion: Int)
    /// The database's schema is older than this program needs; run `adem db migrate`.
    case schemaOutdated(databaseVersion: Int, knownVersion: Int)
    /// A stored value could not be read back (a damaged or hand-edited row).
    case unreadable(String)
    /// The store location could not be understood or opened.
    case cannotOpen(String)
    /// The report projection's watermark was not where the caller read it: another projection
    /// moved it first. Nothing was written; read the watermark again and go on from there.
    case watermarkMoved(expected: Int64, found: Int64?)

    public var description: String {
        switch self {
        case .conflict(let dossier, let version):
            return "dossier \(dossier) changed since version \(version) was read; nothing was written"
        case .duplicate(let key): return "\(key) exists already"
        case .notFound(let key): return "\(key) not found"
        case .schemaTooNew(let found, let known):
            return "the database has schema version \(found), this adem knows up to \(known): upgrade adem"
        case .schemaOutdated(let found, let known):
            return "the database has schema version \(found), this adem needs \(known): run `adem db migrate`"
        case .unreadable(let what): return "stored data could not be read: \(what)"
        case .cannotOpen(let why): return "cannot open the store: \(why)"
        case .watermarkMoved(let expected, let found):
            return "the report projection moved from \(expected) to \(found.map(String.init) ?? "nowhere") meanwhile; nothing was written"
        }
    }
}
