extension Cycle {
    /// The day nominations close (`YYYY-MM-DD`): the start of the first scheduled phase after
    /// nominations open, when the nominations go to the analysts; nil when the schedule names
    /// none.
    public var nominationsClose: String? {
        schedule.first { $0.phase > .nominationsOpen }?.starts
    }
}
