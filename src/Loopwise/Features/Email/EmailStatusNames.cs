namespace Loopwise.Features.Email;

/// <summary>The stored (and API) names of <see cref="EmailStatus"/>.</summary>
public static class EmailStatusNames
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Suppressed = "suppressed";

    public static string Of(EmailStatus status) => status switch
    {
        EmailStatus.Queued => Queued,
        EmailStatus.Sent => Sent,
        EmailStatus.Failed => Failed,
        EmailStatus.Suppressed => Suppressed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static EmailStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new ArgumentException($"Unknown e-mail status '{name}'.", nameof(name));

    public static bool TryParse(string? name, out EmailStatus status)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case Queued: status = EmailStatus.Queued; return true;
            case Sent: status = EmailStatus.Sent; return true;
            case Failed: status = EmailStatus.Failed; return true;
            case Suppressed: status = EmailStatus.Suppressed; return true;
            default: status = default; return false;
        }
    }
}
