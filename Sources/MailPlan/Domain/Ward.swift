/// One of the city's wards, with the staff cost and hours its desk has for mail work.
public struct Ward: Hashable, Sendable, Identifiable {
    /// The short code used in job books, such as `kita`.
    public var id: String
    /// The Japanese name, such as 北区 (accepted in job books in place of the code).
    public var name: String
    /// The block the ward belongs to; a hub serves the wards of its block.
    public var block: String
    /// Residents, used to scale generated volumes.
    public var population: Int
    /// Households, used to scale generated volumes.
    public var households: Int
    /// Loaded hourly cost of the staff who do mail work at the ward (yen per hour).
    public var staffYenPerHour: Double
    /// Staff hours per working day the ward can give to mail work.
    public var hoursPerDay: Double
    /// Hand-work rates of the ward desk, pieces per staff hour, by stage.
    public var handRates: [Stage: Double]
    /// Minutes to set up one program run at the desk on a day.
    public var setupMinutes: Double

    public init(id: String, name: String, block: String, population: Int, households: Int,
                staffYenPerHour: Double, hoursPerDay: Double, handRates: [Stage: Double], setupMinutes: Double) {
        self.id = id
        self.name = name
        self.block = block
        self.population = population
        self.households = households
        self.staffYenPerHour = staffYenPerHour
        self.hoursPerDay = hoursPerDay
        self.handRates = handRates
        self.setupMinutes = setupMinutes
    }
}

/// A kind of mailing that every ward sends in the same form; jobs of one program can share a machine setup.
public struct Program: Hashable, Sendable, Identifiable {
    /// The code used in job books, such as `kokuho-card`.
    public var id: String
    /// A readable name, such as 国保 資格確認書.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// An envelope format and the postal class its pieces go in.
public struct Envelope: Hashable, Sendable, Identifiable {
    /// The code used in job books, such as `naga3`.
    public var id: String
    /// A readable name, such as 長3.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
