namespace Loopwise.Features.Webhooks;

/// <summary>Settings of outgoing webhooks, section <c>Loopwise:Webhooks</c> (ADR 14).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Loopwise:Webhooks";

    /// <summary>
    /// Allows loopback and private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) as receivers. Off by
    /// default: whoever can manage a workspace's integrations could otherwise reach the server's own network. Link-local
    /// and metadata addresses stay refused whatever this says.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Allows <c>http://</c> URLs (development and tests); otherwise only <c>https://</c>.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>How long one attempt may take, response headers and the kept part of the body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts of a delivery's series before it is failed. With the jobs' back-off (10 s doubling, capped at 1 h, half
    /// jittered) 15 attempts spread over about six hours.
    /// </summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>How long a rotated-out secret stays valid (and is signed with).</summary>
    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a finished delivery and its attempts are kept. Older ones of an endpoint are deleted whenever one of its
    /// deliveries finishes (so an endpoint that receives nothing more keeps its last log).
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    internal bool IsValid => Timeout > TimeSpan.Zero && MaxAttempts >= 1 && RotationOverlap >= TimeSpan.Zero && Retention > TimeSpan.Zero;

    internal const string ValidationMessage = "Loopwise:Webhooks needs a positive Timeout and Retention, MaxAttempts ≥ 1 and a RotationOverlap ≥ 0.";
}
