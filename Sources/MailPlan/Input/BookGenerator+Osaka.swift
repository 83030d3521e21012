// The embedded Osaka tables. Figures and their sources are in Jobs/README.md; section marks (§1a …) refer to the
// project's domain facts sheet, and [EST] marks an estimate, as that sheet does.

extension BookGenerator {
    /// A ward: FACTS §1a (population [S1], households [EST]), block from the §1c proposal, staff cost from §4d.
    struct WardRow: Sendable {
        var code: String
        var name: String
        var block: String
        var population: Int
        var households: Int
        /// Loaded yen per staff hour of the people who do mail work at the ward.
        var staffYenPerHour: Double
    }

    /// A block of the §1c proposal and the name of its hub.
    struct BlockRow: Sendable {
        var code: String
        var name: String
    }

    /// What a program's eligible count per ward is proportional to.
    enum Basis: Sendable {
        case population
        case households
    }

    /// A way a job of a program is done today: the stages it needs and where each is done.
    struct RouteRow: Sendable {
        var stages: [Stage]
        var current: [ResourceKind]
        var weight: Double
        /// The largest job the route is drawn for: a big statutory run is not done by hand at a ward today.
        var maxPieces: Int

        init(_ stages: [Stage], _ current: [ResourceKind], _ weight: Double, upTo maxPieces: Int = .max) {
            precondition(stages.count == current.count, "a route names one kind per stage")
            self.stages = stages
            self.current = current
            self.weight = weight
            self.maxPieces = maxPieces
        }
    }

    /// A program and how its jobs are drawn.
    struct ProgramRow: Sendable {
        var code: String
        var name: String
        /// Job titles; a ward-specific program's titles get the ward's name in front.
        var titles: [String]
        var envelope: String
        var inserts: Int
        var weightGrams: Double
        var basis: Basis
        /// Eligible pieces per resident or household (a week's batch never exceeds this).
        var ratio: Double
        /// The median pieces of one job; a job draws a factor from ``BookGenerator/sizeQuantiles``.
        var typicalPieces: Double
        /// Relative share of the week's jobs.
        var mix: Double
        var personalData: Bool
        /// Share of the jobs with an extract stage whose extraction needs records only the ward holds.
        var wardRecordsShare: Double
        var wardSpecific: Bool
        var routes: [RouteRow]
    }

    /// A unit of an hour-based shared resource: what one machine or team does per hour and costs.
    struct UnitRow: Sendable {
        /// What one unit is, for the TOML comment.
        var noun: String
        var rates: [(Stage, Double)]
        var yenPerHour: Double
        var setupMinutes: Double
        /// The stage whose rate sizes the resource.
        var sizingStage: Stage
    }

    /// A shared resource before it is sized to the week.
    struct SharedRow: Sendable {
        var code: String
        var name: String
        var kind: ResourceKind
        var site: String
        /// Hour-based resources; nil for vendors.
        var unit: UnitRow?
        var envelopes: [String]
        var maxInserts: Int?
        var personalData: Bool
        /// Vendors: price per piece by stage.
        var yenPerPiece: [(Stage, Double)] = []
        var weeklyFixedYen: Double = 0
        var servesBlock: String? = nil
        var programs: [String]? = nil
        /// Why the figures are what they are, for the TOML comment.
        var note: String
    }

    struct EnvelopeRow: Sendable {
        var code: String
        var name: String
    }

    struct MailClassRow: Sendable {
        var code: String
        var name: String
        var envelopes: [String]
        var maxWeightGrams: Double
        var priceYen: Double
    }
}

// MARK: - Wards and blocks

extension BookGenerator {
    /// Regular staff, FACTS §4d: 6,733千円/year ÷ (7.75 h × 243 days) ≈ 3,580 yen/h, ≈ 4,150 with employer charges.
    static let regularYenPerHour = 4150.0
    /// [EST] Wards whose mail desk is half 会計年度任用職員 (≈ 1,600 yen/h loaded, §4d): (4,150 + 1,600) / 2.
    static let blendedYenPerHour = 2875.0

    private static func ward(_ code: String, _ name: String, _ block: String, _ population: Int, _ households: Int,
                             partTime: Bool = false) -> WardRow {
        WardRow(code: code, name: name, block: block, population: population, households: households,
                staffYenPerHour: partTime ? blendedYenPerHour : regularYenPerHour)
    }

    /// The 24 wards in 全国地方公共団体コード order (27102 … 27128): code, name, block, population, households;
    /// `partTime` marks the wards assumed to staff their mail desk half with part-timers. `--wards W` takes the
    /// first W.
    static let osakaWards: [WardRow] = [
        ward("miyakojima", "都島区", "E", 110_035, 60_200),
        ward("fukushima", "福島区", "C", 83_700, 55_000),
        ward("konohana", "此花区", "W", 63_061, 34_500),
        ward("nishi", "西区", "C", 115_072, 75_600),
        ward("minato", "港区", "W", 80_731, 44_200),
        ward("taisho", "大正区", "W", 59_579, 32_600),
        ward("tennoji", "天王寺区", "C", 88_379, 58_100),
        ward("naniwa", "浪速区", "C", 85_873, 56_400),
        ward("nishiyodogawa", "西淀川区", "N", 96_625, 52_900),
        ward("higashiyodogawa", "東淀川区", "N", 177_756, 97_300, partTime: true),
        ward("higashinari", "東成区", "E", 88_553, 48_500),
        ward("ikuno", "生野区", "S", 128_373, 70_300, partTime: true),
        ward("asahi", "旭区", "E", 90_460, 49_500),
        ward("joto", "城東区", "E", 168_806, 92_400),
        ward("abeno", "阿倍野区", "S", 112_897, 55_600),
        ward("sumiyoshi", "住吉区", "S", 152_893, 75_300, partTime: true),
        ward("higashisumiyoshi", "東住吉区", "S", 130_295, 64_200),
        ward("nishinari", "西成区", "W", 106_148, 77_500, partTime: true),
        ward("yodogawa", "淀川区", "N", 189_773, 103_900),
        ward("tsurumi", "鶴見区", "E", 110_914, 54_700),
        ward("suminoe", "住之江区", "W", 116_796, 64_000),
        ward("hirano", "平野区", "S", 184_867, 91_100, partTime: true),
        ward("kita", "北区", "C", 149_819, 98_400),
        ward("chuo", "中央区", "C", 118_998, 78_200),
    ]

    /// FACTS §1c (a proposal, not official), with the 推計人口 block names of §1b.
    static let osakaBlocks: [BlockRow] = [
        BlockRow(code: "N", name: "北部"),
        BlockRow(code: "W", name: "西部"),
        BlockRow(code: "C", name: "中心部"),
        BlockRow(code: "E", name: "東部"),
        BlockRow(code: "S", name: "南部"),
    ]

    /// Hand work at a ward desk, pieces per staff hour ([EST]). Insert: FACTS §4b, fold + 1–2 items 150–250,
    /// 3–5 items 80–150. Dispatch: §4b puts 区分 bundling and 別納 marks at +10–20 % each of hand enclosure
    /// time, so about 1,200 pieces an hour for counting, bundling and marking. Extract (checking each piece
    /// against the ward's list and pulling the few that must not go): about 600 an hour.
    static let handRates: [(Stage, Double)] = [(.extract, 600), (.insert, 180), (.dispatch, 1200)]
    /// Minutes to set up one program run at a ward desk ([EST]).
    static let wardSetupMinutes = 15.0
    /// One regular staff day, 9:00–17:30 less a 45-minute break (FACTS §4d, [S35]).
    static let staffDayHours = 7.75
}

// MARK: - Programs

extension BookGenerator {
    private static let eid: [Stage] = [.extract, .insert, .dispatch]
    private static let insDis: [Stage] = [.insert, .dispatch]
    private static let extDis: [Stage] = [.extract, .dispatch]
    private static let disOnly: [Stage] = [.dispatch]

    /// Routes of a statutory program whose owning department inserts today (DESIGN §1).
    private static let departmentRoutes: [RouteRow] = [
        RouteRow(eid, [.ward, .department, .ward], 70),
        RouteRow(insDis, [.department, .ward], 10),
        RouteRow(eid, [.ward, .ward, .ward], 8, upTo: 3000),
        RouteRow(eid, [.ward, .department, .department], 2),
        RouteRow(eid, [.ward, .hub, .ward], 3),
        RouteRow(disOnly, [.ward], 3),
    ]

    /// Small statutory flows: more of them are still done by hand at the ward.
    private static let smallRoutes: [RouteRow] = [
        RouteRow(eid, [.ward, .department, .ward], 45),
        RouteRow(eid, [.ward, .ward, .ward], 35),
        RouteRow(insDis, [.department, .ward], 10),
        RouteRow(insDis, [.ward, .ward], 10),
    ]

    /// The programs in site order. Eligible ratios are FACTS §3 anchors: NHI households ≈ 0.15 per resident
    /// (400–430k of 2.81M), 特定健診 envelopes ≈ 250k a year, 75+ ≈ 14 %, 65+ ≈ 25 %; the rest are [EST].
    static let osakaPrograms: [ProgramRow] = [
        ProgramRow(code: "kokuho-card", name: "国保 資格確認書", titles: ["国保 資格確認書 送付"],
                   envelope: "yonaga3", inserts: 2, weightGrams: 25, basis: .population, ratio: 0.15,
                   typicalPieces: 1200, mix: 12, personalData: true, wardRecordsShare: 0.25, wardSpecific: false,
                   routes: departmentRoutes),
        ProgramRow(code: "kokuho-oshirase", name: "国保 資格情報のお知らせ", titles: ["資格情報のお知らせ 送付"],
                   envelope: "yonaga3", inserts: 1, weightGrams: 15, basis: .population, ratio: 0.15,
                   typicalPieces: 1000, mix: 10, personalData: true, wardRecordsShare: 0.1, wardSpecific: false,
                   routes: departmentRoutes),
        ProgramRow(code: "kokuho-premium", name: "国保 保険料決定通知", titles: ["国保 保険料 変更決定通知書 送付"],
                   envelope: "yonaga3", inserts: 3, weightGrams: 30, basis: .population, ratio: 0.15,
                   typicalPieces: 400, mix: 7, personalData: true, wardRecordsShare: 0.1, wardSpecific: false,
                   routes: departmentRoutes),
        ProgramRow(code: "tokutei-kenshin", name: "特定健診 受診券", titles: ["特定健診 受診券 送付 (年度途中加入者)"],
                   envelope: "kaku2", inserts: 5, weightGrams: 95, basis: .population, ratio: 0.089,
                   typicalPieces: 700, mix: 8, personalData: true, wardRecordsShare: 0.05, wardSpecific: false,
                   routes: departmentRoutes),
        ProgramRow(code: "kenshin-hagaki", name: "特定健診 受診勧奨はがき", titles: ["特定健診 受診勧奨はがき 発送"],
                   envelope: "hagaki", inserts: 0, weightGrams: 3, basis: .population, ratio: 0.089,
                   typicalPieces: 900, mix: 5, personalData: true, wardRecordsShare: 0.1, wardSpecific: false,
                   routes: [RouteRow(disOnly, [.ward], 60), RouteRow(extDis, [.ward, .ward], 30),
                            RouteRow(disOnly, [.department], 4)]),
        ProgramRow(code: "kouki-card", name: "後期高齢 資格確認書", titles: ["後期高齢者医療 資格確認書 送付"],
                   envelope: "yonaga3", inserts: 2, weightGrams: 25, basis: .population, ratio: 0.14,
                   typicalPieces: 1000, mix: 10, personalData: true, wardRecordsShare: 0.15, wardSpecific: false,
                   routes: departmentRoutes + [RouteRow(disOnly, [.ward], 12), RouteRow(extDis, [.ward, .ward], 6)]),
        ProgramRow(code: "kaigo-premium", name: "介護保険 (65歳以上) 保険料通知", titles: ["介護保険料 変更決定通知書 送付"],
                   envelope: "yonaga3", inserts: 3, weightGrams: 30, basis: .population, ratio: 0.25,
                   typicalPieces: 900, mix: 9, personalData: true, wardRecordsShare: 0.1, wardSpecific: false,
                   routes: departmentRoutes),
        ProgramRow(code: "kaigo-card", name: "介護保険 被保険者証 (65歳到達)", titles: ["介護保険 被保険者証 送付 (65歳到達)"],
                   envelope: "naga3", inserts: 2, weightGrams: 20, basis: .population, ratio: 0.012,
                   typicalPieces: 70, mix: 5, personalData: true, wardRecordsShare: 0.1, wardSpecific: false,
                   routes: smallRoutes),
        ProgramRow(code: "yobo-sesshu", name: "予防接種 予診票", titles: ["乳幼児 予防接種 予診票 送付"],
                   envelope: "kaku2", inserts: 6, weightGrams: 110, basis: .population, ratio: 0.0065,
                   typicalPieces: 45, mix: 5, personalData: true, wardRecordsShare: 0.2, wardSpecific: false,
                   routes: smallRoutes),
        ProgramRow(code: "gan-coupon", name: "がん検診 クーポン", titles: ["がん検診 無料クーポン 送付"],
                   envelope: "naga3", inserts: 3, weightGrams: 25, basis: .population, ratio: 0.012,
                   typicalPieces: 220, mix: 5, personalData: true, wardRecordsShare: 0.05, wardSpecific: false,
                   routes: smallRoutes),
        ProgramRow(code: "jido-genkyo", name: "児童手当 現況届", titles: ["児童手当 現況届 送付 (対象者のみ)"],
                   envelope: "naga3", inserts: 2, weightGrams: 20, basis: .population, ratio: 0.0008,
                   typicalPieces: 25, mix: 2, personalData: true, wardRecordsShare: 0.8, wardSpecific: false,
                   routes: [RouteRow(eid, [.ward, .ward, .ward], 80), RouteRow(insDis, [.ward, .ward], 20)]),
        ProgramRow(code: "senkyo-annai", name: "選挙 投票所入場整理券", titles: ["投票所入場整理券 送付"],
                   envelope: "naga3", inserts: 1, weightGrams: 10, basis: .households, ratio: 0.85,
                   typicalPieces: 1800, mix: 3, personalData: true, wardRecordsShare: 0.3, wardSpecific: false,
                   routes: [RouteRow(insDis, [.vendor, .ward], 60), RouteRow(insDis, [.vendor, .vendor], 30),
                            RouteRow(eid, [.ward, .vendor, .ward], 10)]),
        ProgramRow(code: "juminzei-kyuyo", name: "住民税 給与支払報告書 提出依頼", titles: ["給与支払報告書 提出依頼 送付"],
                   envelope: "kaku2", inserts: 4, weightGrams: 140, basis: .population, ratio: 0.03,
                   typicalPieces: 350, mix: 5, personalData: false, wardRecordsShare: 0, wardSpecific: false,
                   routes: [RouteRow(insDis, [.department, .ward], 70),
                            RouteRow(insDis, [.department, .department], 20),
                            RouteRow(insDis, [.vendor, .vendor], 10)]),
        ProgramRow(code: "ward-event", name: "区 イベント案内", titles: ["区民まつり 案内", "防災訓練 案内", "健康講座 案内",
                                                               "敬老の集い 案内", "子育て講座 案内"],
                   envelope: "naga3", inserts: 3, weightGrams: 30, basis: .households, ratio: 1,
                   typicalPieces: 600, mix: 8, personalData: false, wardRecordsShare: 0, wardSpecific: true,
                   routes: [RouteRow(insDis, [.ward, .ward], 45, upTo: 5000), RouteRow(insDis, [.vendor, .ward], 30),
                            RouteRow(insDis, [.vendor, .vendor], 15),
                            RouteRow(eid, [.ward, .ward, .ward], 5, upTo: 5000),
                            RouteRow(insDis, [.hub, .ward], 5)]),
        ProgramRow(code: "ward-kenko", name: "区 健診・相談 案内", titles: ["乳幼児健診 案内", "骨粗しょう症検診 案内",
                                                                "歯科健診 案内"],
                   envelope: "naga3", inserts: 3, weightGrams: 25, basis: .households, ratio: 0.1,
                   typicalPieces: 200, mix: 6, personalData: true, wardRecordsShare: 0.3, wardSpecific: true,
                   routes: [RouteRow(eid, [.ward, .ward, .ward], 70), RouteRow(insDis, [.ward, .ward], 25),
                            RouteRow(eid, [.ward, .vendor, .ward], 5)]),
    ]

    /// Routes of a ward-specific mailing in a ward that does large manual runs: everything at the desk.
    static let manualRunRoutes: [RouteRow] = [
        RouteRow(insDis, [.ward, .ward], 60),
        RouteRow(eid, [.ward, .ward, .ward], 40),
    ]
    /// The program whose jobs become large manual runs in the wards that do them.
    static let manualRunProgram = "ward-event"
    /// How much larger a manual run is than the program's typical job, and its largest size.
    static let manualRunScale = 3.0
    static let manualRunMaxPieces = 12_000

    /// Piece-count factors at the deciles 0, 0.1, …, 1 of a job's draw: right-skewed, median 1, mean ≈ 1.74,
    /// so that most jobs are a few hundred to a few thousand pieces and a few reach 10–20 thousand.
    static let sizeQuantiles: [Double] = [0.1, 0.25, 0.4, 0.55, 0.75, 1.0, 1.3, 1.7, 2.4, 4.0, 10.0]
    /// Working days from ready to due (0 = due on the ready day), with relative weights; a job draws among the
    /// windows its route and the rest of the week allow.
    static let windowWeights: [Double] = [8, 12, 20, 24, 18, 12, 6]
    /// Share of the jobs (up to ``tightMaxPieces``) whose window is tight: due on the ready day or the next.
    static let tightShare = 0.12
    static let minPieces = 20
    static let maxPieces = 20_000
    /// Jobs with a window of at most one working day stay at or below this many pieces.
    static let tightMaxPieces = 3000
    /// Jobs above ``tightMaxPieces`` get at least this many working days after the ready day.
    static let largeMinWindow = 2
}

// MARK: - Envelopes and postage

extension BookGenerator {
    static let osakaEnvelopes: [EnvelopeRow] = [
        EnvelopeRow(code: "yonaga3", name: "洋長3 (インサーター用)"),
        EnvelopeRow(code: "naga3", name: "長3 (インサーター用)"),
        EnvelopeRow(code: "kaku2", name: "角2"),
        EnvelopeRow(code: "hagaki", name: "はがき"),
    ]

    /// Japan Post from 2024-10-01 (FACTS §2a, [S9]); a piece goes in the first class that takes it.
    static let osakaMailClasses: [MailClassRow] = [
        MailClassRow(code: "teikei", name: "定形郵便物 (50g まで)", envelopes: ["yonaga3", "naga3"],
                     maxWeightGrams: 50, priceYen: 110),
        MailClassRow(code: "hagaki", name: "通常はがき", envelopes: ["hagaki"], maxWeightGrams: 6, priceYen: 85),
        MailClassRow(code: "teikeigai-50", name: "定形外 規格内 50g", envelopes: ["kaku2", "yonaga3", "naga3"],
                     maxWeightGrams: 50, priceYen: 140),
        MailClassRow(code: "teikeigai-100", name: "定形外 規格内 100g", envelopes: ["kaku2", "yonaga3", "naga3"],
                     maxWeightGrams: 100, priceYen: 180),
        MailClassRow(code: "teikeigai-150", name: "定形外 規格内 150g", envelopes: ["kaku2", "yonaga3", "naga3"],
                     maxWeightGrams: 150, priceYen: 270),
        MailClassRow(code: "teikeigai-250", name: "定形外 規格内 250g", envelopes: ["kaku2", "yonaga3", "naga3"],
                     maxWeightGrams: 250, priceYen: 320),
        MailClassRow(code: "teikeigai-500", name: "定形外 規格内 500g", envelopes: ["kaku2", "yonaga3", "naga3"],
                     maxWeightGrams: 500, priceYen: 510),
        MailClassRow(code: "teikeigai-1000", name: "定形外 規格内 1kg", envelopes: ["kaku2", "yonaga3", "naga3"],
                     maxWeightGrams: 1000, priceYen: 750),
    ]

    /// 区分郵便物, sorted by the addressee's 郵便区番号 (FACTS §2c, [S10][S11]): lot size → percent off.
    static let kubunTiers: [(minPieces: Int, percent: Double)] = [(2000, 3), (10_000, 4), (50_000, 5), (100_000, 6)]
}

// MARK: - Shared resources

extension BookGenerator {
    /// A department room's unit: a mid-volume inserter and two regular staff ([EST]; §4a mid-volume 2,500–3,800
    /// env/h realistic; a department that mails a few hundred thousand pieces a year would not do it on desktop
    /// machines).
    static let departmentMidUnit = UnitRow(noun: "中型封入封緘機 1台 + 職員 2名",
                                           rates: [(.extract, 1200), (.insert, 3000), (.dispatch, 2400)],
                                           yenPerHour: 2 * regularYenPerHour + 1500, setupMinutes: 25,
                                           sizingStage: .insert)
    /// A block hub: two regular staff of the block's wards with a desktop inserter ([EST]).
    static let hubUnit = UnitRow(noun: "卓上封入封緘機 1台 + 職員 2名",
                                 rates: [(.extract, 1200), (.insert, 1500), (.dispatch, 2400)],
                                 yenPerHour: 2 * regularYenPerHour + 700, setupMinutes: 15, sizingStage: .insert)
    /// Production inserter ([EST]: §4a realistic 6,000–15,000 env/h, planned at the low end), two operators
    /// (4,150 each) and machine cost ≈ 4,000 yen/h.
    static let productionUnit = UnitRow(noun: "高速封入封緘機 1台 (運転 2名)", rates: [(.insert, 7500)],
                                        yenPerHour: 2 * regularYenPerHour + 4000, setupMinutes: 45,
                                        sizingStage: .insert)
    /// Mid-volume inserter ([EST]: §4a realistic 2,500–3,800 env/h), one regular operator, one part-timer
    /// (≈ 1,600 yen/h, §4d) and machine cost ≈ 1,500 yen/h.
    static let midUnit = UnitRow(noun: "中型封入封緘機 1台 (運転 2名)", rates: [(.insert, 3200)],
                                 yenPerHour: regularYenPerHour + 1600 + 1500, setupMinutes: 25, sizingStage: .insert)
    /// Dispatch team: counting machine, 区分 bundling by postal code, 別納 marks; one regular and two part-timers.
    static let dispatchUnit = UnitRow(noun: "発送班 (計数機 + 職員 1名 + 会計年度任用職員 2名)", rates: [(.dispatch, 3600)],
                                      yenPerHour: regularYenPerHour + 2 * 1600, setupMinutes: 10,
                                      sizingStage: .dispatch)

    static let osakaDepartments: [SharedRow] = [
        SharedRow(code: "dept-hoken", name: "福祉局 保険年金課 作業室", kind: .department, site: "city-hall",
                  unit: departmentMidUnit, envelopes: ["yonaga3", "naga3"], maxInserts: 4, personalData: true,
                  programs: ["kokuho-card", "kokuho-oshirase", "kokuho-premium", "kouki-card"],
                  note: "owns the NHI and 後期高齢 mailings"),
        SharedRow(code: "dept-kaigo", name: "福祉局 介護保険課 作業室", kind: .department, site: "city-hall",
                  unit: departmentMidUnit, envelopes: ["yonaga3", "naga3"], maxInserts: 4, personalData: true,
                  programs: ["kaigo-premium", "kaigo-card"], note: "owns the 介護保険 mailings"),
        SharedRow(code: "dept-kenko", name: "健康局 健康施策課 作業室", kind: .department, site: "kenko",
                  unit: departmentMidUnit, envelopes: ["kaku2", "yonaga3", "naga3"], maxInserts: 6, personalData: true,
                  programs: ["tokutei-kenshin", "kenshin-hagaki", "yobo-sesshu", "gan-coupon"],
                  note: "owns the health-check, screening and vaccination mailings"),
        SharedRow(code: "dept-zei", name: "財政局 市税事務所 作業室", kind: .department, site: "shizei",
                  unit: departmentMidUnit, envelopes: ["kaku2", "yonaga3", "naga3"], maxInserts: 4, personalData: true,
                  programs: ["juminzei-kyuyo"], note: "owns the 住民税 mailings to employers"),
    ]

    static let osakaCenter: [SharedRow] = [
        SharedRow(code: "center-line-a", name: "事務センター 高速封入封緘ライン", kind: .center, site: "center",
                  unit: productionUnit, envelopes: ["yonaga3", "naga3"], maxInserts: 4, personalData: true,
                  note: "production line: 洋長3/長3, up to 4 inserts"),
        SharedRow(code: "center-line-b", name: "事務センター 中型封入封緘ライン", kind: .center, site: "center",
                  unit: midUnit, envelopes: ["kaku2", "yonaga3", "naga3"], maxInserts: 8, personalData: true,
                  note: "mid-volume line: 角2 and up to 8 inserts"),
        SharedRow(code: "center-dispatch", name: "事務センター 発送", kind: .center, site: "center",
                  unit: dispatchUnit, envelopes: [], maxInserts: nil, personalData: true,
                  note: "dispatch station, sized to the lines' capacity and the departments' insertion"),
    ]

    /// FACTS §4c: the average DM-house price is 5.16 yen for 1 item … 7.83 for 3 … 11.83 for 6 [S30]; a vendor
    /// certified for personal data (プライバシーマーク/ISMS) is assumed 20 % dearer [EST]; 発送代行 2–5 yen [EST].
    static let osakaVendors: [SharedRow] = [
        SharedRow(code: "vendor-p", name: "封入封緘業者 P (個人情報 認証あり)", kind: .vendor, site: "vendor-p",
                  unit: nil, envelopes: ["yonaga3", "naga3", "kaku2"], maxInserts: 6, personalData: true,
                  yenPerPiece: [(.insert, 9.4), (.dispatch, 4)], weeklyFixedYen: 50000,
                  note: "certified for personal data: 7.83 yen (3 items, [S30]) + 20 % [EST]; weekly fixed = "
                      + "collection, delivery and security [EST]"),
        SharedRow(code: "vendor-g", name: "封入封緘業者 G (一般 DM)", kind: .vendor, site: "vendor-g",
                  unit: nil, envelopes: ["yonaga3", "naga3", "kaku2"], maxInserts: 6, personalData: false,
                  yenPerPiece: [(.insert, 7.83), (.dispatch, 3)], weeklyFixedYen: 30000,
                  note: "not certified for personal data: 7.83 yen (3 items, [S30]); weekly fixed [EST]"),
    ]

    /// Shares of the consolidation capacity (see ``BookGenerator`` sizing): the centre's production line A and
    /// mid-volume line B, the hubs together, the certified and the general vendor.
    static let consolidationShares = (lineA: 0.42, lineB: 0.28, hubs: 0.15, vendorP: 0.09, vendorG: 0.06)
}

// MARK: - Transfers and policy

extension BookGenerator {
    /// Default hand-off: one staff hour (4,150) and a 庁内逓送/courier run (≈ 2,000 [EST]); one working day in transit.
    static let defaultTransfer = TransferRule(from: nil, to: nil, lagDays: 1, handoffYen: regularYenPerHour + 2000)
    /// Transfer rules by site kind, each with the reason its figures are what they are.
    static let osakaTransferRules: [(rule: TransferRule, reason: String)] = [
        (TransferRule(from: .ward, to: .hub, lagDays: 0, handoffYen: regularYenPerHour / 2 + 1000),
         "same-day van inside the block; half a staff hour + 1,000 [EST]"),
        (TransferRule(from: .hub, to: .ward, lagDays: 0, handoffYen: regularYenPerHour / 2 + 1000),
         "same-day van inside the block; half a staff hour + 1,000 [EST]"),
        (TransferRule(from: .ward, to: .vendor, lagDays: 1, handoffYen: regularYenPerHour),
         "the vendor collects (in its weekly charge): 1 staff hour"),
        (TransferRule(from: .vendor, to: .ward, lagDays: 1, handoffYen: regularYenPerHour),
         "the vendor delivers (in its weekly charge): 1 staff hour"),
    ]
    static var osakaTransfers: [TransferRule] { osakaTransferRules.map(\.rule) }

    static let osakaPolicy = Policy(latenessYenPerPieceDay: 100, deferralYenPerPiece: 500, overtimeHoursPerDay: 0,
                                    overtimeFactor: 1.25, keepWardSpecificLocal: false, residualCostFactor: 1.2,
                                    residualManualPieces: 3000, horizonWeeks: 1)
}
