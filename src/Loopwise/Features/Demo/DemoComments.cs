using System.Globalization;
using System.Text;

namespace Loopwise.Features.Demo;

/// <summary>How a respondent feels, read from their score; it sets the tone of their comment.</summary>
public enum DemoMood
{
    Positive,
    Neutral,
    Negative,
}

/// <summary>Where the experience happened, so that a chat comment does not complain about the tills.</summary>
public enum DemoPlace
{
    Online,
    Store,
    Phone,
    Chat,
    Social,

    /// <summary>A relationship survey: the whole experience, anywhere.</summary>
    Overall,
}

/// <summary>What is going on when a comment is written, so that comments tell the same story as the scores.</summary>
public readonly record struct DemoMoment(DemoPlace Place, bool CarrierTrouble, bool ChatFixed, bool AppBug)
{
    public bool Chat => Place == DemoPlace.Chat;
}

/// <summary>
/// Writes free-text comments from templates and topic vocabularies, in English and French, in several tones:
/// praise, complaints, mixed "but" sentences, sarcasm, one-word answers and longer stories, a few carrying personal
/// data (e-mail addresses, phone numbers) for redaction to find. Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class DemoComments(Random random)
{
    private static readonly string[] StaffNames = ["Priya", "Marcus", "Jenna", "Tomás", "Aisha", "Ben", "Chloé", "Dev", "Hannah", "Luis", "Mei", "Sam", "Noah", "Zoe"];

    private static readonly string[] Places = ["Cascades", "Rockies", "White Mountains", "Smokies", "Sierra", "Laurentians", "Olympics", "Adirondacks"];

    private static readonly string[] EmailDomains = ["example.com", "example.net", "example.org"];

    private string _store = DemoCompany.Stores[0];

    /// <summary>A comment about <paramref name="topic"/>; a mixed one may bring in another of <paramref name="topics"/> (the touchpoint's).</summary>
    public string Comment(DemoTopic topic, IReadOnlyList<DemoTopic> topics, DemoMood mood, string language, DemoMoment moment)
    {
        var bank = language == "fr" ? French : English;
        _store = Pick(DemoCompany.Stores); // one store per comment
        var roll = random.NextDouble();
        string text;
        switch (mood)
        {
            case DemoMood.Positive when roll < 0.18:
                text = Pick(bank.ShortPositive);
                break;
            case DemoMood.Positive when roll < 0.9:
                text = Story(bank, Sentence(Praise(bank, topic, moment)), bank.OpenersPositive, bank.ClosersPositive);
                break;
            case DemoMood.Positive:
                text = Mixed(bank, Praise(bank, topic, moment), Complaint(bank, OtherTopic(topic, topics), moment));
                break;
            case DemoMood.Neutral when roll < 0.12:
                text = Pick(bank.ShortNeutral);
                break;
            case DemoMood.Neutral when roll < 0.65:
                text = Story(bank, Mixed(bank, Praise(bank, OtherTopic(topic, topics), moment), Complaint(bank, topic, moment)), bank.OpenersNeutral, bank.ClosersNeutral);
                break;
            case DemoMood.Neutral when roll < 0.8:
                text = Sentence(Praise(bank, topic, moment));
                break;
            case DemoMood.Neutral:
                text = Sentence(Complaint(bank, topic, moment));
                break;
            case DemoMood.Negative when roll < 0.14:
                text = Pick(bank.ShortNegative);
                break;
            case DemoMood.Negative when roll < 0.3:
                text = Sarcasm(bank, topic, moment);
                break;
            case DemoMood.Negative when roll < 0.4:
                text = Mixed(bank, Praise(bank, OtherTopic(topic, topics), moment), Complaint(bank, topic, moment));
                break;
            default:
                text = Story(bank, Sentence(Complaint(bank, topic, moment)), bank.OpenersNegative, bank.ClosersNegative);
                break;
        }

        text = WithPersonalData(bank, text);
        return random.NextDouble() < 0.1 ? Casual(text) : text;
    }

    /// <summary>The detractor follow-up: one thing to fix first.</summary>
    public string FixFirst(DemoTopic topic, string language)
    {
        var bank = language == "fr" ? French : English;
        var fix = Pick(bank.Fixes[topic]);
        return random.NextDouble() < 0.15 ? Casual(fix) : fix;
    }

    private string Praise(Bank bank, DemoTopic topic, DemoMoment moment)
    {
        if (moment.Chat && moment.ChatFixed && topic == DemoTopic.Wait && random.NextDouble() < 0.7)
        {
            return Fill(Pick(bank.ChatFixPraise));
        }

        return Fill(PickFor(bank.Praise[topic], moment.Place));
    }

    private string Complaint(Bank bank, DemoTopic topic, DemoMoment moment)
    {
        if (moment.CarrierTrouble && topic == DemoTopic.Delivery && random.NextDouble() < 0.65)
        {
            return Fill(Pick(bank.CarrierComplaints));
        }

        if (moment.Chat && !moment.ChatFixed && topic == DemoTopic.Wait && random.NextDouble() < 0.6)
        {
            return Fill(Pick(bank.ChatBotComplaints));
        }

        if (moment.AppBug && topic == DemoTopic.App && random.NextDouble() < 0.7)
        {
            return Fill(Pick(bank.AppBugComplaints));
        }

        return Fill(PickFor(bank.Complaints[topic], moment.Place));
    }

    private string Mixed(Bank bank, string praise, string complaint) =>
        random.NextDouble() < 0.7
            ? Sentence(string.Format(CultureInfo.InvariantCulture, bank.But, praise, complaint))
            : Sentence(string.Format(CultureInfo.InvariantCulture, bank.ButReversed, complaint, praise));

    private string Sarcasm(Bank bank, DemoTopic topic, DemoMoment moment)
    {
        if (bank.SarcasmByTopic.TryGetValue(topic, out var own) && random.NextDouble() < 0.5)
        {
            return PickFor(own, moment.Place);
        }

        return string.Format(CultureInfo.InvariantCulture, Pick(bank.SarcasmTemplates), Complaint(bank, topic, moment));
    }

    /// <summary>One sentence, or a longer story with an opener and a closer.</summary>
    private string Story(Bank bank, string core, string[] openers, string[] closers)
    {
        var roll = random.NextDouble();
        if (roll < 0.55)
        {
            return core;
        }

        var builder = new StringBuilder();
        if (roll < 0.85)
        {
            builder.Append(Fill(Pick(openers))).Append(' ');
        }

        builder.Append(core);
        if (roll > 0.7)
        {
            builder.Append(' ').Append(Pick(closers));
        }

        return builder.ToString();
    }

    private string WithPersonalData(Bank bank, string text)
    {
        var roll = random.NextDouble();
        if (roll < 0.02)
        {
            return text + " " + string.Format(CultureInfo.InvariantCulture, Pick(bank.ReachMeByEmail), Email());
        }

        if (roll < 0.035)
        {
            return text + " " + string.Format(CultureInfo.InvariantCulture, Pick(bank.ReachMeByPhone), Phone());
        }

        if (roll < 0.06)
        {
            return text + " " + string.Format(CultureInfo.InvariantCulture, bank.OrderNumber, random.Next(100_000, 1_000_000));
        }

        return text;
    }

    private string Email()
    {
        var name = Pick(["jordan", "casey", "m.lefebvre", "sam.taylor", "kim_r", "alex.b", "jlee", "camille.roy"]);
        return $"{name}{random.Next(1, 99).ToString(CultureInfo.InvariantCulture)}@{Pick(EmailDomains)}";
    }

    /// <summary>A North American number in the 555-01xx range reserved for fiction.</summary>
    private string Phone()
    {
        var area = Pick(["206", "503", "303", "617", "612", "512", "416", "514"]);
        var line = random.Next(100, 200).ToString(CultureInfo.InvariantCulture)[1..];
        return random.NextDouble() < 0.5 ? $"({area}) 555-01{line}" : $"+1 {area} 555 01{line}";
    }

    private string Fill(string template) => template
        .Replace("{staff}", Pick(StaffNames), StringComparison.Ordinal)
        .Replace("{store}", _store, StringComparison.Ordinal)
        .Replace("{place}", Pick(Places), StringComparison.Ordinal)
        .Replace("{years}", random.Next(2, 12).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{minutes}", random.Next(25, 75).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private DemoTopic OtherTopic(DemoTopic topic, IReadOnlyList<DemoTopic> topics)
    {
        var others = topics.Where(t => t != topic).ToList();
        return others.Count > 0 ? others[random.Next(others.Count)] : topic;
    }

    private string Pick(IReadOnlyList<string> options) => options[random.Next(options.Count)];

    /// <summary>
    /// Picks among the phrases that fit <paramref name="place"/>: a phrase may start with a tag, <c>store|</c> (in a
    /// shop), <c>phone|</c> (on the phone) or <c>remote|</c> (phone, chat or social); untagged phrases fit anywhere.
    /// </summary>
    private string PickFor(string[] options, DemoPlace place)
    {
        var fitting = options.Where(o => Fits(o, place)).ToList();
        var chosen = Pick(fitting.Count > 0 ? fitting : options);
        var bar = chosen.IndexOf('|', StringComparison.Ordinal);
        return bar >= 0 ? chosen[(bar + 1)..] : chosen;
    }

    private static bool Fits(string phrase, DemoPlace place)
    {
        var bar = phrase.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || place == DemoPlace.Overall)
        {
            return true;
        }

        return phrase[..bar] switch
        {
            "store" => place == DemoPlace.Store,
            "phone" => place == DemoPlace.Phone,
            "remote" => place is DemoPlace.Phone or DemoPlace.Chat or DemoPlace.Social,
            _ => true,
        };
    }

    private static string Sentence(string phrase)
    {
        var text = char.ToUpperInvariant(phrase[0]) + phrase[1..];
        return text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
    }

    /// <summary>Typed in a hurry on a phone: lower case, no final full stop.</summary>
    private static string Casual(string text) => text.ToLowerInvariant().TrimEnd('.');

    private sealed class Bank
    {
        public required Dictionary<DemoTopic, string[]> Praise { get; init; }

        public required Dictionary<DemoTopic, string[]> Complaints { get; init; }

        public required Dictionary<DemoTopic, string[]> Fixes { get; init; }

        public required Dictionary<DemoTopic, string[]> SarcasmByTopic { get; init; }

        public required string[] SarcasmTemplates { get; init; }

        public required string[] CarrierComplaints { get; init; }

        public required string[] ChatBotComplaints { get; init; }

        public required string[] ChatFixPraise { get; init; }

        public required string[] AppBugComplaints { get; init; }

        public required string[] ShortPositive { get; init; }

        public required string[] ShortNeutral { get; init; }

        public required string[] ShortNegative { get; init; }

        public required string[] OpenersPositive { get; init; }

        public required string[] OpenersNeutral { get; init; }

        public required string[] OpenersNegative { get; init; }

        public required string[] ClosersPositive { get; init; }

        public required string[] ClosersNeutral { get; init; }

        public required string[] ClosersNegative { get; init; }

        public required string[] ReachMeByEmail { get; init; }

        public required string[] ReachMeByPhone { get; init; }

        /// <summary>Format with {0} praise and {1} complaint.</summary>
        public required string But { get; init; }

        /// <summary>Format with {0} complaint and {1} praise.</summary>
        public required string ButReversed { get; init; }

        public required string OrderNumber { get; init; }
    }

    private static readonly Bank English = new()
    {
        Praise = new()
        {
            [DemoTopic.Delivery] =
            [
                "delivery was quicker than promised", "my parcel arrived a day early and well packed", "tracking was accurate the whole way",
                "the driver was friendly and left the box exactly where I asked", "free next-day delivery for club members is a game changer",
            ],
            [DemoTopic.Price] =
            [
                "prices are fair for the quality you get", "the Trail Club discount really adds up", "the sale prices were genuinely good, not fake discounts",
                "the price match was honoured without any fuss", "good value for gear that lasts",
            ],
            [DemoTopic.Staff] =
            [
                "store|{staff} in the footwear section knew exactly which boots I needed", "store|the team at {store} was friendly and patient",
                "the staff actually know the outdoors and give honest advice", "store|{staff} went out of their way to find my size in the back",
                "remote|the agent was kind and sorted everything in one go", "remote|{staff} was a star", "phone|{staff} on the phone was lovely",
            ],
            [DemoTopic.Quality] =
            [
                "the rain shell kept me dry through a week in the {place}", "my boots still look new after a full season",
                "the tent was easy to pitch and feels built to last", "great quality gear", "the down jacket is warm and really light",
            ],
            [DemoTopic.Returns] =
            [
                "the return was painless and the refund landed in two days", "returning in store took two minutes",
                "printing the return label was easy", "the exchange for a bigger size was quick",
            ],
            [DemoTopic.App] =
            [
                "the app is fast and the size guide is actually useful", "checkout on the website took less than a minute",
                "click and collect through the app worked perfectly", "the website is easy to find things on",
            ],
            [DemoTopic.Wait] =
            [
                "phone|I got through to someone in under a minute", "store|there was no queue at the tills even on a Saturday",
                "remote|the answer came straight away", "phone|they called me back within the hour", "store|I was served straight away",
                "remote|someone replied within minutes",
            ],
            [DemoTopic.Billing] =
            [
                "the bill was clear with no surprises", "the renewal reminder came in good time",
                "the refund showed up on my card right away", "the club renewal was simple",
            ],
        },
        Complaints = new()
        {
            [DemoTopic.Delivery] =
            [
                "my order arrived a week late", "tracking said delivered, yet nothing came", "the parcel was left in the rain and the box was soaked",
                "the delivery window kept moving and nobody told me why", "half of my order is still missing",
            ],
            [DemoTopic.Price] =
            [
                "prices have crept up a lot this year", "shipping costs more than the socks I ordered", "the same jacket was cheaper elsewhere",
                "the club fee went up but the benefits did not", "the discount code did not work on anything I wanted",
            ],
            [DemoTopic.Staff] =
            [
                "store|nobody was around to help on the shop floor", "store|the person at the till was rude", "staff gave me wrong advice about the sleeping bag rating",
                "remote|the agent did not listen and read from a script", "remote|I had to explain my problem three times to three people",
            ],
            [DemoTopic.Quality] =
            [
                "the zip broke on the second trip", "the seams on my jacket started leaking after a month", "the sole came off my boots after one season",
                "the colour faded after one wash", "the tent pole snapped on the first night",
            ],
            [DemoTopic.Returns] =
            [
                "the refund took three weeks", "the returns portal would not accept my order number", "I had to pay to send back a faulty item",
                "the return label never arrived", "the store would not take back an online order",
            ],
            [DemoTopic.App] =
            [
                "the app logged me out in the middle of checkout", "the website kept timing out at payment", "the app crashes every time I open my orders",
                "the size filter on the website does not work",
            ],
            [DemoTopic.Wait] =
            [
                "phone|I waited {minutes} minutes on hold", "phone|I was on hold for ages and then got cut off", "store|the queue at the tills was huge with only one till open",
                "remote|it took three days to get an answer", "remote|nobody answered my messages for two days", "store|I waited ages for someone to fetch my size",
            ],
            [DemoTopic.Billing] =
            [
                "I was charged twice for the same order", "my club membership renewed without any reminder", "the invoice did not match what I paid",
                "a promo code was accepted, then never taken off the total",
            ],
        },
        Fixes = new()
        {
            [DemoTopic.Delivery] = ["Go back to the old courier.", "Deliver when you say you will.", "Make tracking reliable.", "Fix delivery."],
            [DemoTopic.Price] = ["Lower shipping costs.", "Bring prices back down.", "Make the club worth the fee again."],
            [DemoTopic.Staff] = ["Train the staff.", "Put more people on the shop floor.", "Let agents actually solve problems."],
            [DemoTopic.Quality] = ["Better quality control.", "Stand behind your products.", "Stop cutting corners on materials."],
            [DemoTopic.Returns] = ["Faster refunds.", "Free returns for faulty items.", "Fix the returns portal."],
            [DemoTopic.App] = ["Fix the app.", "Stop logging people out.", "Make checkout work."],
            [DemoTopic.Wait] = ["Answer the phone faster.", "Let me talk to a human.", "More staff in the contact centre."],
            [DemoTopic.Billing] = ["Stop double charging.", "Send a reminder before renewal.", "Refund me!"],
        },
        SarcasmByTopic = new()
        {
            [DemoTopic.Delivery] =
            [
                "Five stars to the courier for giving my parcel a tour of three depots before it found me.",
                "Loved refreshing the tracking page for nine days. Great hobby.",
            ],
            [DemoTopic.Wait] =
            [
                "phone|Loved the hold music. Heard it for 45 minutes, so I know it by heart now.",
                "phone|Amazing how fast the call dropped right after I finally got through.",
                "remote|Three days for a reply. I assume it came by carrier pigeon.",
                "store|Great to have one till open on a Saturday. Gave me time to admire the queue.",
            ],
            [DemoTopic.App] = ["Nice of the app to log me out at payment. Saves me money, I guess."],
            [DemoTopic.Billing] = ["Thanks for charging me twice, very generous of me."],
            [DemoTopic.Price] = ["Sure, $12 shipping on a pair of socks, totally reasonable."],
            [DemoTopic.Returns] = ["Three weeks for a refund. Is it coming by mule?"],
        },
        SarcasmTemplates =
        [
            "Oh great, {0}. Just what I needed.", "Love how {0}. Really makes my day.", "Fantastic: {0}. Would suffer again.",
            "Wow, {0}. Amazing service as always.", "Brilliant. {0}. Well done, everyone.",
        ],
        CarrierComplaints =
        [
            "since you switched to the new courier every delivery has been late", "the new courier lost my parcel and I had to chase it for days",
            "the new delivery company never knocks and just leaves a card", "my parcel sat at the new courier's depot for a week",
        ],
        ChatBotComplaints =
        [
            "the chat bot kept going in circles and never handed me to a person", "the bot asked the same three questions over and over",
            "I could not get past the chat bot to a real person",
        ],
        ChatFixPraise =
        [
            "the chat handed me to a real person within a minute", "the new chat is so much better, a person answered straight away",
            "quick answer on chat from someone who knew what they were doing",
        ],
        AppBugComplaints =
        [
            "since the last update the app logs me out every five minutes", "the new app version keeps forgetting my basket",
        ],
        ShortPositive = ["Great service!", "Loved it.", "All good.", "Quick and easy.", "Perfect, thanks", "Brilliant as always", "Spot on.", "10/10", "Love this shop."],
        ShortNeutral = ["OK.", "Fine.", "It was alright.", "Not bad.", "meh", "Could be better.", "Average."],
        ShortNegative = ["Terrible.", "Too slow.", "Never again.", "Very disappointed.", "Not happy.", "Awful service", "Sort it out."],
        OpenersPositive =
        [
            "I've been a Trail Club member for {years} years.", "I shop with you a lot, mostly online.", "First time ordering from Northwind.",
            "Bought gear for a hiking trip in the {place}.", "Popped into the {store} store on the way home.",
        ],
        OpenersNeutral = ["I shop with you a few times a year.", "Bought a present for my partner.", "Needed new boots before a trip to the {place}."],
        OpenersNegative =
        [
            "I've been a loyal customer for {years} years.", "I ordered a tent for a family trip to the {place}.", "I called about an order for my son's birthday.",
            "This is the second time this has happened.",
        ],
        ClosersPositive = ["Keep it up!", "Will definitely shop again.", "Already recommended you to friends.", "Thanks!"],
        ClosersNeutral = ["Otherwise fine.", "Hope this helps.", "Would still shop here though."],
        ClosersNegative =
        [
            "Please sort this out.", "I expect better from a company like yours.", "Thinking about cancelling my membership.",
            "Not sure I'll order again.", "Someone please call me back.",
        ],
        ReachMeByEmail = ["You can reach me at {0}.", "Email me at {0} please.", "My email is {0} if you need it."],
        ReachMeByPhone = ["Call me on {0} if you need details.", "My number is {0}.", "Please ring me at {0}."],
        But = "{0} but {1}",
        ButReversed = "{0}, but to be fair {1}",
        OrderNumber = "Order NW-{0}.",
    };

    private static readonly Bank French = new()
    {
        Praise = new()
        {
            [DemoTopic.Delivery] = ["la livraison est arrivée plus tôt que prévu", "colis bien emballé et livré à l'heure", "le suivi était précis du début à la fin"],
            [DemoTopic.Price] = ["des prix corrects pour la qualité", "la remise du Trail Club vaut vraiment le coup", "de vraies promotions, pas des fausses"],
            [DemoTopic.Staff] =
            [
                "store|l'équipe du magasin {store} a été très sympathique", "store|{staff} m'a très bien conseillé pour mes bottes", "le personnel connaît vraiment la randonnée",
                "phone|l'agent a tout réglé en un seul appel", "remote|{staff} a été parfait",
            ],
            [DemoTopic.Quality] = ["mon manteau a tenu toute une semaine de pluie", "mes bottes sont comme neuves après une saison", "équipement solide et bien fini"],
            [DemoTopic.Returns] = ["le retour a été simple et le remboursement rapide", "retour en magasin en deux minutes"],
            [DemoTopic.App] = ["l'application est rapide et pratique", "commander sur le site est très simple"],
            [DemoTopic.Wait] = ["phone|j'ai eu quelqu'un au téléphone en moins d'une minute", "remote|réponse immédiate", "store|aucune attente à la caisse"],
            [DemoTopic.Billing] = ["la facture était claire, aucune surprise", "le remboursement est apparu tout de suite sur ma carte"],
        },
        Complaints = new()
        {
            [DemoTopic.Delivery] = ["ma commande est arrivée avec une semaine de retard", "le suivi indiquait livré mais je n'ai rien reçu", "le colis a été laissé sous la pluie"],
            [DemoTopic.Price] = ["les prix ont beaucoup augmenté cette année", "les frais de livraison sont trop élevés", "la cotisation du club a augmenté sans nouveaux avantages"],
            [DemoTopic.Staff] = ["store|personne pour nous aider en magasin", "remote|l'agent ne m'a pas écouté", "store|le caissier était désagréable", "remote|j'ai dû tout réexpliquer trois fois"],
            [DemoTopic.Quality] = ["la fermeture éclair a cassé dès la deuxième sortie", "la semelle s'est décollée après une saison", "les coutures de ma veste prennent l'eau"],
            [DemoTopic.Returns] = ["le remboursement a pris trois semaines", "le portail de retour refuse mon numéro de commande", "l'étiquette de retour n'est jamais arrivée"],
            [DemoTopic.App] = ["l'application me déconnecte pendant le paiement", "le site plante au moment de payer"],
            [DemoTopic.Wait] = ["phone|j'ai attendu {minutes} minutes au téléphone", "remote|trois jours pour avoir une réponse", "store|une seule caisse ouverte et une file énorme"],
            [DemoTopic.Billing] = ["j'ai été facturé deux fois", "mon abonnement a été renouvelé sans rappel", "le code promo n'a pas été appliqué"],
        },
        Fixes = new()
        {
            [DemoTopic.Delivery] = ["Changez de transporteur.", "Livrez à temps.", "Un suivi fiable."],
            [DemoTopic.Price] = ["Baissez les frais de livraison.", "Des prix plus raisonnables."],
            [DemoTopic.Staff] = ["Formez le personnel.", "Plus de monde en magasin."],
            [DemoTopic.Quality] = ["Un meilleur contrôle qualité.", "Des produits plus solides."],
            [DemoTopic.Returns] = ["Des remboursements plus rapides.", "Réparez le portail de retour."],
            [DemoTopic.App] = ["Réparez l'application.", "Arrêtez de me déconnecter."],
            [DemoTopic.Wait] = ["Répondez plus vite au téléphone.", "Laissez-moi parler à un humain."],
            [DemoTopic.Billing] = ["Arrêtez la double facturation.", "Un rappel avant le renouvellement."],
        },
        SarcasmByTopic = new()
        {
            [DemoTopic.Delivery] = ["Bravo au transporteur : mon colis a visité trois entrepôts avant d'arriver."],
            [DemoTopic.Wait] = ["phone|J'adore la musique d'attente, je la connais par cœur maintenant.", "remote|Trois jours pour une réponse. Par pigeon voyageur, sans doute."],
        },
        SarcasmTemplates = ["Super, {0}. Merci beaucoup.", "Bravo, {0}. Vraiment du grand service.", "Génial : {0}. J'adore."],
        CarrierComplaints =
        [
            "depuis le changement de transporteur, toutes mes livraisons sont en retard", "le nouveau transporteur a perdu mon colis",
            "mon colis est resté une semaine à l'entrepôt du nouveau transporteur",
        ],
        ChatBotComplaints = ["le robot du clavardage tourne en rond", "impossible de parler à une vraie personne sur le clavardage"],
        ChatFixPraise = ["sur le clavardage, une vraie personne m'a répondu en une minute", "le nouveau clavardage est bien mieux"],
        AppBugComplaints = ["depuis la mise à jour, l'application me déconnecte sans arrêt"],
        ShortPositive = ["Parfait !", "Très bien.", "Rien à redire.", "Excellent service", "Super."],
        ShortNeutral = ["Correct.", "Bof.", "Ça va.", "Moyen."],
        ShortNegative = ["Décevant.", "Trop lent.", "Inacceptable.", "Plus jamais."],
        OpenersPositive = ["Membre du Trail Club depuis {years} ans.", "J'achète souvent chez vous en ligne.", "Première commande chez Northwind."],
        OpenersNeutral = ["J'achète chez vous quelques fois par an."],
        OpenersNegative = ["Client fidèle depuis {years} ans.", "C'est la deuxième fois que ça arrive."],
        ClosersPositive = ["Continuez comme ça !", "Je recommande.", "Merci !"],
        ClosersNeutral = ["Sinon, ça va.", "J'espère que ça aide."],
        ClosersNegative = ["Merci de corriger ça.", "Je pense annuler mon abonnement.", "J'attends mieux de votre part."],
        ReachMeByEmail = ["Écrivez-moi à {0}.", "Mon courriel : {0}."],
        ReachMeByPhone = ["Vous pouvez me joindre au {0}.", "Mon numéro : {0}."],
        But = "{0}, mais {1}",
        ButReversed = "{0}. Point positif : {1}",
        OrderNumber = "Commande NW-{0}.",
    };
}
