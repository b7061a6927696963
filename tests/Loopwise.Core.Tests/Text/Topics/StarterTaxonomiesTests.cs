using Loopwise.Core.Text;
using Loopwise.Core.Text.Topics;

namespace Loopwise.Core.Tests.Text.Topics;

public class StarterTaxonomiesTests
{
    public static TheoryData<string> Industries => new(StarterTaxonomies.Industries);

    [Theory]
    [MemberData(nameof(Industries))]
    public void Every_starter_taxonomy_compiles(string industry)
    {
        var compilation = TopicTaxonomy.Compile(StarterTaxonomies.For(industry));

        Assert.Empty(compilation.Errors.Select(e => $"{e.Key} @{e.Position}: {e.Message}"));
    }

    [Theory]
    [MemberData(nameof(Industries))]
    public void Every_starter_has_two_levels_and_30_to_50_topics_with_parents_first(string industry)
    {
        var topics = StarterTaxonomies.For(industry);

        Assert.InRange(topics.Count, 30, 50);
        Assert.All(topics, t => Assert.True(t.Key.Count(c => c == '/') <= 1, t.Key));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            var slash = topic.Key.IndexOf('/', StringComparison.Ordinal);
            Assert.True(slash < 0 || seen.Contains(topic.Key[..slash]), topic.Key);
            seen.Add(topic.Key);
        }

        Assert.Contains(topics, t => t.Key == "billing/refunds");
    }

    [Fact]
    public void An_unknown_industry_is_refused()
    {
        Assert.Throws<ArgumentException>(() => StarterTaxonomies.For("mining"));
    }

    [Theory]
    [InlineData("retail", "My parcel arrived two weeks late and the box was crushed.", "delivery delivery/speed delivery/damaged-missing")]
    [InlineData("retail", "The jacket fell apart after one wash, really poor quality.", "product/quality")]
    [InlineData("retail", "I sent it back and the refund took ages.", "returns/process billing/refunds wait-time/queues")]
    [InlineData("retail", "The discount code didn't work at checkout.", "checkout/promotions checkout/process")]
    [InlineData("retail", "The person in charge of the store was really rude.", "store staff/attitude")]
    [InlineData("retail", "They charged me twice for one order.", "billing/charges")]
    [InlineData("retail", "The size guide was spot on and it fits perfectly.", "product/information")]
    [InlineData("retail", "I was on hold for 40 minutes before anyone answered.", "wait-time/on-hold wait-time/response-time")]
    [InlineData("retail", "Lovely scarf, my daughter adores it.", "")]
    [InlineData("financial-services", "Someone used my card and the fraud team took a week to respond.", "security/fraud wait-time/response-time")]
    [InlineData("financial-services", "The mobile banking app keeps logging me out.", "digital/online-banking digital/app digital/login")]
    [InlineData("financial-services", "My mortgage application was declined without any explanation.", "lending communication/clarity")]
    [InlineData("financial-services", "Hidden fees and the interest rate went up without notice.", "billing/fees terms/rates")]
    [InlineData("financial-services", "The branch staff gave me great advice on saving for retirement.", "branches advice")]
    [InlineData("financial-services", "My account was frozen and I had to call them five times.", "accounts/closing effort/repeat-contact")]
    [InlineData("financial-services", "I have been with this bank for 20 years and I trust them.", "security/trust")]
    [InlineData("healthcare", "I couldn't get an appointment for three weeks.", "appointments/availability")]
    [InlineData("healthcare", "The nurse was kind and explained everything about my treatment.", "care/nurses education care/treatment")]
    [InlineData("healthcare", "The receptionist discussed my diagnosis where everyone could hear.", "privacy care/treatment")]
    [InlineData("healthcare", "Nobody told me my test results and my referral got lost.", "coordination/results-records coordination/referrals")]
    [InlineData("healthcare", "Parking was impossible and the waiting room was dirty.", "facilities")]
    [InlineData("healthcare", "The pharmacy never had my prescription ready.", "pharmacy")]
    [InlineData("healthcare", "Booking online was easy.", "appointments/booking effort/ease")]
    [InlineData("saas", "Setting up the integration with Salesforce was painless.", "onboarding/setup integrations effort/ease")]
    [InlineData("saas", "The dashboard is so slow to load.", "adoption/features reliability/performance")]
    [InlineData("saas", "The app crashed twice during the demo and support never replied.", "digital/app reliability/bugs wait-time/response-time")]
    [InlineData("saas", "It would be nice to have dark mode.", "product-feedback")]
    [InlineData("saas", "We cancelled our subscription after the price increase.", "subscription/cancellation price/pricing")]
    [InlineData("saas", "The documentation is excellent and the support team is very knowledgeable.", "adoption/training support/technical staff/knowledge")]
    [InlineData("saas", "Upgrading to the pro plan was simple.", "subscription/plans")]
    public void Realistic_sentences_hit_the_intended_topics(string industry, string sentence, string expected)
    {
        var taxonomy = TopicTaxonomy.Compile(StarterTaxonomies.For(industry)).Taxonomy!;
        var hits = new List<TopicHit>();

        taxonomy.Match(sentence, new TextSpan(0, sentence.Length), hits);

        var keys = hits.Select(h => taxonomy.Topics[h.Topic].Key).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), keys);
    }

    [Theory]
    [InlineData("retail", "The manager in charge sorted it out.", "billing/charges")]
    [InlineData("retail", "The charger is free of charge.", "billing/charges")]
    [InlineData("retail", "Hold on, the phone case is great.", "wait-time/on-hold")]
    [InlineData("retail", "The app is very user-friendly.", "staff/attitude")]
    [InlineData("retail", "They returned my call the next day.", "returns/process")]
    [InlineData("financial-services", "The exchange rate was fair.", "returns/exchanges")]
    [InlineData("financial-services", "My account is on hold until they verify my address.", "wait-time/on-hold")]
    [InlineData("saas", "They were happy to deal with it.", "checkout/promotions")]
    public void Words_with_a_second_sense_do_not_hit_the_wrong_topic(string industry, string sentence, string notExpected)
    {
        var taxonomy = TopicTaxonomy.Compile(StarterTaxonomies.For(industry)).Taxonomy!;
        var hits = new List<TopicHit>();

        taxonomy.Match(sentence, new TextSpan(0, sentence.Length), hits);

        Assert.DoesNotContain(notExpected, hits.Select(h => taxonomy.Topics[h.Topic].Key));
    }
}
