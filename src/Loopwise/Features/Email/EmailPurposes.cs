namespace Loopwise.Features.Email;

/// <summary>What a message is for (the delivery log's <c>purpose</c> filter). Free text up to 32 characters; these are Loopwise's own.</summary>
public static class EmailPurposes
{
    public const string Invitation = "invitation";
    public const string Alert = "alert";
    public const string Case = "case";
    public const string Test = "test";
}
