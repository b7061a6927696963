namespace Loopwise.TextEval;

/// <summary>Deterministic 20–40-word customer comments for the throughput run when no labelled data is at hand.</summary>
internal static class GeneratedComments
{
    private static readonly string[] Openings =
    [
        "I ordered a new jacket last week and", "We have used the app for two years and", "My card was charged twice, then",
        "The nurse at the front desk was kind but", "Called support on Monday about my refund and", "Setup took about an hour and",
        "Delivery was fast, the parcel arrived early and", "I was on hold for 40 minutes before",
    ];

    private static readonly string[] Middles =
    [
        "nobody could tell me where my order was", "the agent was really helpful and polite", "the checkout kept crashing on my phone",
        "the prices are fair for what you get", "I had to explain the problem three times", "everything worked exactly as described",
        "the new update made the dashboard slow and confusing", "the staff went above and beyond to help",
    ];

    private static readonly string[] Endings =
    [
        "Would not recommend.", "Thanks again, great service!", "Still waiting for a reply from jane.doe@example.com.",
        "Please fix this soon.", "Overall a good experience :)", "Honestly the worst bank I have dealt with!!",
        "I will definitely be back.", "Not sure I will renew next year.",
    ];

    public static string[] Create(int count, int seed)
    {
        var random = new Random(seed);
        var comments = new string[count];
        for (var i = 0; i < count; i++)
        {
            var words = $"{Openings[random.Next(Openings.Length)]} {Middles[random.Next(Middles.Length)]}, and {Middles[random.Next(Middles.Length)]}. {Endings[random.Next(Endings.Length)]}";
            comments[i] = words;
        }

        return comments;
    }
}
