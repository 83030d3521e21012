/// The domain library of mailplan: job books, planners, the residual survey and reports.
public enum MailPlanInfo {
    /// The version printed by `mailplan --version`.
    public static let version = "0.1.0"
}
