namespace Loopwise.Features.Email;

/// <summary>Server defaults for outbound e-mail (<c>Loopwise:Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Loopwise:Email";

    /// <summary>Messages a workspace may send per hour unless its own setting says otherwise.</summary>
    public int MaxPerHour { get; set; } = 5000;

    /// <summary>The sending window the limit counts in (one hour; a setting for tests and special cases).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a message that keeps failing transiently is failed (the job's max attempts).</summary>
    public int MaxAttempts { get; set; } = 10;
}
