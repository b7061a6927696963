using Loopwise.Core.Webhooks;

namespace Loopwise.Core.Tests.Webhooks;

public class WebhookSignatureTests
{
    // The worked example of ADR 14, computed outside .NET with
    //   printf '%s' '{Id}.{Timestamp}.{Body}' | openssl dgst -sha256 -hmac '{Secret}'
    // (and again with Python's hmac module): the same hex both times.
    private const string Secret = "whsec_3q2-7wQhX0mZ8bN5cV1aL4tR6yU9iO0pE7sD2fG3hJk";
    private const string Id = "0193a5b2-7c1e-7000-8000-000000000001";
    private const long Timestamp = 1796112000; // 2026-12-01T08:00:00Z
    private const string Body = """{"id":"case-42:opened","type":"case.opened","createdAt":"2026-12-01T08:00:00Z","workspace":"0193a5b2-0000-7000-8000-0000000000aa","data":{"caseId":42}}""";
    private const string Expected = "8c34492b7375444442a37a91944696c2435881c758961de4d28118013d37d8bb";
    private const string OtherSecret = "whsec_an-older-secret-still-valid-during-rotation";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Signs_the_worked_example_of_the_adr()
    {
        Assert.Equal(Expected, WebhookSignature.Sign(Secret, Id, Timestamp, Body));
        Assert.Equal("v1=" + Expected, WebhookSignature.Header([Secret], Id, Timestamp, Body));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), SentAt);
    }

    [Fact]
    public void The_worked_example_verifies_within_the_window_either_way()
    {
        var header = "v1=" + Expected;
        Assert.Equal(WebhookVerification.Valid, WebhookSignature.Verify([Secret], Id, "1796112000", header, Body, SentAt));
        Assert.True(WebhookSignature.Verify([Secret], Id, "1796112000", header, Body, SentAt.AddMinutes(5)).IsValid);
        Assert.True(WebhookSignature.Verify([Secret], Id, "1796112000", header, Body, SentAt.AddMinutes(-5)).IsValid);
        // Upper-case hex is the same signature.
        Assert.True(WebhookSignature.Verify([Secret], Id, "1796112000", "v1=" + Expected.ToUpperInvariant(), Body, SentAt).IsValid);
    }

    [Fact]
    public void A_timestamp_outside_the_replay_window_fails_even_with_a_good_signature()
    {
        var late = WebhookSignature.Verify([Secret], Id, "1796112000", "v1=" + Expected, Body, SentAt.AddSeconds(301));
        Assert.Equal(WebhookVerificationFailure.TimestampOutsideWindow, late.Failure);
        Assert.Equal("The timestamp is 301 s old, outside the replay window of 300 s.", late.Reason);

        var early = WebhookSignature.Verify([Secret], Id, "1796112000", "v1=" + Expected, Body, SentAt.AddMinutes(-6));
        Assert.Equal(WebhookVerificationFailure.TimestampOutsideWindow, early.Failure);
        Assert.Contains("in the future", early.Reason, StringComparison.Ordinal);

        // A receiver may choose its own window.
        Assert.True(WebhookSignature.Verify([Secret], Id, "1796112000", "v1=" + Expected, Body, SentAt.AddMinutes(9), TimeSpan.FromMinutes(10)).IsValid);
    }

    [Fact]
    public void A_tampered_body_id_or_timestamp_or_another_secret_is_a_signature_mismatch()
    {
        var header = "v1=" + Expected;
        var tampered = Body.Replace("42}", "43}", StringComparison.Ordinal);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, WebhookSignature.Verify([Secret], Id, "1796112000", header, tampered, SentAt).Failure);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, WebhookSignature.Verify([Secret], Id + "2", "1796112000", header, Body, SentAt).Failure);
        // A moved timestamp (replaying an old request with a fresh time) breaks the signature before the window is looked at.
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, WebhookSignature.Verify([Secret], Id, "1796112060", header, Body, SentAt).Failure);
        var wrongSecret = WebhookSignature.Verify([OtherSecret], Id, "1796112000", header, Body, SentAt);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, wrongSecret.Failure);
        Assert.Equal("No signature matches the body, id and timestamp under the known secrets.", wrongSecret.Reason);
    }

    [Fact]
    public void During_a_rotation_either_secret_verifies_a_header_with_both_signatures()
    {
        var header = WebhookSignature.Header([Secret, OtherSecret], Id, Timestamp, Body);
        Assert.Equal($"v1={Expected}, v1={WebhookSignature.Sign(OtherSecret, Id, Timestamp, Body)}", header);
        Assert.True(WebhookSignature.Verify([Secret], Id, "1796112000", header, Body, SentAt).IsValid);
        Assert.True(WebhookSignature.Verify([OtherSecret], Id, "1796112000", header, Body, SentAt).IsValid);
        Assert.False(WebhookSignature.Verify(["whsec_neither"], Id, "1796112000", header, Body, SentAt).IsValid);
        // Entries of a scheme we do not know are skipped, not failed.
        Assert.True(WebhookSignature.Verify([Secret], Id, "1796112000", $"v2=zzz, v1={Expected}", Body, SentAt).IsValid);
    }

    [Theory]
    [InlineData(null, "1796112000", "v1=" + Expected, "Loopwise-Webhook-Id")]
    [InlineData(Id, null, "v1=" + Expected, "Loopwise-Webhook-Timestamp")]
    [InlineData(Id, "2026-12-01T08:00:00Z", "v1=" + Expected, "Loopwise-Webhook-Timestamp")]
    [InlineData(Id, "-5", "v1=" + Expected, "Loopwise-Webhook-Timestamp")]
    [InlineData(Id, "1796112000", null, "Loopwise-Signature")]
    [InlineData(Id, "1796112000", Expected, "Loopwise-Signature")]
    [InlineData(Id, "1796112000", "v1=abc", "Loopwise-Signature")]
    [InlineData(Id, "1796112000", "v1=" + Expected + "0", "Loopwise-Signature")]
    [InlineData(Id, "1796112000", "v1=8c34492b7375444442a37a91944696c2435881c758961de4d28118013d37d8bg", "Loopwise-Signature")]
    [InlineData(Id, "1796112000", "v2=" + Expected, "Loopwise-Signature")]
    public void Malformed_headers_are_a_bad_format_naming_the_header(string? id, string? timestamp, string? signature, string header)
    {
        var result = WebhookSignature.Verify([Secret], id, timestamp, signature, Body, SentAt);
        Assert.Equal(WebhookVerificationFailure.BadFormat, result.Failure);
        Assert.Contains(header, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_is_signed_as_its_utf8_bytes()
    {
        const string text = """{"comment":"très bien ✓"}""";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        Assert.Equal(WebhookSignature.Sign(Secret, Id, Timestamp, text), WebhookSignature.Sign(Secret, Id, Timestamp, bytes));
        Assert.True(WebhookSignature.Verify([Secret], Id, "1796112000", "v1=" + WebhookSignature.Sign(Secret, Id, Timestamp, text), bytes, SentAt).IsValid);
    }
}
