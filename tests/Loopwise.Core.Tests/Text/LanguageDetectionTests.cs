using Loopwise.Core.Text.Language;
using Loopwise.Core.Text.Tokenization;

namespace Loopwise.Core.Tests.Text;

public class LanguageDetectionTests
{
    private static LanguageDetection Detect(string text) => StopWordLanguageDetector.Instance.Detect(TokenizedText.Create(text));

    [Theory]
    [InlineData("I waited on hold for forty minutes and nobody could tell me where my order was.", "en")]
    [InlineData("The staff were friendly but the checkout took far too long.", "en")]
    [InlineData("J'ai attendu trois semaines pour ma commande et personne ne m'a répondu.", "fr")]
    [InlineData("Le service client est très lent, mais le produit est bien.", "fr")]
    [InlineData("El pedido llegó tarde y nadie me dio una explicación, muy mal servicio.", "es")]
    [InlineData("¿Por qué tengo que llamar tres veces para cancelar mi suscripción?", "es")]
    [InlineData("Ich habe drei Wochen auf meine Bestellung gewartet und niemand hat mir geantwortet.", "de")]
    [InlineData("Die App stürzt ständig ab, das ist wirklich ärgerlich.", "de")]
    [InlineData("Ho aspettato tre settimane e nessuno mi ha risposto, non è accettabile.", "it")]
    [InlineData("Il personale è stato gentile ma la consegna era in ritardo.", "it")]
    [InlineData("Esperei três semanas pelo pedido e ninguém me respondeu, péssimo atendimento.", "pt")]
    [InlineData("O aplicativo não funciona e o suporte não ajuda em nada.", "pt")]
    [InlineData("Ik heb drie weken op mijn bestelling gewacht en niemand heeft gereageerd.", "nl")]
    [InlineData("De app werkt niet goed en de klantenservice is erg traag.", "nl")]
    public void Detects_the_language_of_typical_comments(string text, string language)
    {
        var detection = Detect(text);

        Assert.Equal(language, detection.Language);
        Assert.Equal(language == "en", detection.Supported);
    }

    // Short reviews with few function words are caught by the review vocabulary of each profile.
    [Theory]
    [InlineData("Prima service, snelle levering.", "nl")]
    [InlineData("Ottimo servizio, consegna veloce.", "it")]
    [InlineData("Entrega rápida, ótimo produto.", "pt")]
    [InlineData("Schnelle Lieferung, tolle Qualität.", "de")]
    [InlineData("Livraison rapide, produit parfait.", "fr")]
    [InlineData("Envío rápido, producto excelente.", "es")]
    public void Short_reviews_are_detected_from_review_words(string text, string language)
    {
        Assert.Equal(language, Detect(text).Language);
    }

    [Theory]
    [InlineData("Great service!")]
    [InlineData("ok")]
    [InlineData("10/10")]
    [InlineData("")]
    [InlineData(":)")]
    public void Short_or_undecidable_text_is_und_and_scored_as_english(string text)
    {
        var detection = Detect(text);

        Assert.Equal("und", detection.Language);
        Assert.True(detection.Supported);
    }

    [Theory]
    [InlineData("Очень медленная доставка, ужасный сервис.", "ru")]
    [InlineData("配送がとても遅かったです。", "ja")]
    [InlineData("送货太慢了，服务很差。", "zh")]
    [InlineData("배송이 너무 느려요.", "ko")]
    [InlineData("Η εξυπηρέτηση ήταν άψογη.", "el")]
    public void Non_latin_scripts_are_flagged_unsupported(string text, string language)
    {
        var detection = Detect(text);

        Assert.Equal(language, detection.Language);
        Assert.False(detection.Supported);
    }

    [Fact]
    public void Shared_words_do_not_outvote_a_clear_language()
    {
        // "a", "no", "me", "in" are words of several profiles; the English ones decide.
        Assert.Equal("en", Detect("No one in the store gave me a receipt and the manager was rude to me.").Language);
    }
}
