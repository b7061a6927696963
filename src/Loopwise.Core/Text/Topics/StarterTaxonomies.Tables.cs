namespace Loopwise.Core.Text.Topics;

/// <summary>The starter topic tables: "key | name | rule", an indented line continues the rule above it.</summary>
public static partial class StarterTaxonomies
{
    private const string CrossIndustryTable = """
        staff | Staff and service |
        staff/attitude | Friendliness and helpfulness | friendly NOT ("user friendly", "eco friendly", "family friendly", "budget friendly", "pet friendly"),
            unfriendly, rude, rudely, rudeness, polite, politely, impolite, courteous, discourteous, attitude, arrogant, dismissive,
            condescending, patroni*, welcoming, respectful, disrespectful, kindness, "so kind", "very kind", "really kind", caring, uncaring,
            helpful, unhelpful, "above and beyond", "out of their way", "out of her way", "out of his way", "bent over backwards", "listened to me",
            "listened to everything", "didn't listen", "did not listen", "doesn't listen", "never listen*", "felt listened to",
            "feel listened to", "felt heard", "feel heard"
        staff/knowledge | Staff knowledge | knowledgeable, knowledgable, clueless, incompetent, incompetence, competent, inexperienced,
            untrained, "poorly trained", "well trained", "badly trained", "knew what they were doing", "knew their stuff", "knows their stuff",
            "know their stuff", expertise, script, scripted, "from a script", (staff, agent, agents, employee*, rep, reps, representative*, advisor*, adviser*, assistant, assistants, consultant*,
            clerk*, cashier*, associate, associates) NEAR/4 ("didn't know", "did not know", "no idea", "not sure", "couldn't answer",
            "could not answer", "wrong information", misinformed)
        wait-time | Wait time and speed |
        wait-time/queues | Queues and waiting | queu*, waited, "long wait*", "wait time*", "waiting time*", "waiting for ages",
            "waiting forever", "long line*", "in line for", "took forever", "took ages", "taking forever", "slow service", "quick service",
            "fast service", "speedy service", "short wait", "the wait was", "a wait of", "minute wait", "minutes wait",
            "hour wait", "hours wait", "week's wait", "weeks wait", "month's wait", "months wait"
        wait-time/on-hold | On hold | "on hold" NEAR/6 (minute*, mins, hour*, forever, ages, call, calls, calling, phone, line, waiting, waited),
            "me on hold", "us on hold", "been on hold", "sat on hold", "stuck on hold", "hold music", "holding music", "hold time*"
        wait-time/response-time | Response time | "response time*", "reply time*", responsive, unresponsive,
            "no reply", "no response", "no callback", "no call back",
            (reply, replied, replies, respond*, response*, "get back to", "got back to", "hear back", "heard back", answer, answers,
            answered, "call back", "called back", "call me back", "called me back", callback*, "would call", "will call",
            "promised to call") NEAR/4 (day, days, week, weeks, month, months, hour, hours, minutes, slow, slowly, quick,
            quickly, fast, prompt, promptly, swift, swiftly, never, immediately, "same day", "no one", nobody, yet, still)
        price | Price and value |
        price/pricing | Prices | price, prices, priced, pricing, pricey, pricy, expensive, inexpensive, overpriced, cheap, cheaper, cheapest,
            affordable, unaffordable, costly, "cost too much", "costs too much", "high cost*", "low cost*", "price increase*", "price rise*",
            "too dear"
        price/value | Value for money | "value for money", "good value", "great value", "poor value", "bad value", "excellent value",
            "worth the money", "worth the price", "worth it", "not worth", "worth every penny", "rip off", ripoff, "bang for", "money's worth"
        communication | Communication |
        communication/updates | Updates and follow-up | communicat*, "kept me informed", "keep me informed", "kept informed",
            "kept us informed", "kept me updated", "keep me updated", "kept me posted", "keep me posted", "in the loop", "no update*",
            "an update", "any update*", "status update*", "heard nothing", "never heard", "haven't heard", "have not heard",
            "not heard from", ("follow up", "followed up", "following up") NOT (appointment*, visit*)
        communication/clarity | Clarity of information | confusing, confused, unclear, "not clear", "very clear", "clear information",
            "clearly explained", "explained clearly", "explained well", "well explained", "poorly explained", "badly explained",
            "never explained", "not explained", "hard to understand", "easy to understand", "difficult to understand", misleading, misled,
            "mixed messages", "conflicting information", "contradictory information", jargon, "no explanation", "without explanation",
            "without any explanation", "plain english", "plain language"
        communication/marketing | Marketing and spam | "marketing email*", "marketing message*", "marketing call*", "marketing text*",
            spam, spammed, unsubscrib*, newsletter*, "junk mail", "too many emails", "so many emails", "stop sending", "stop texting",
            "stop emailing", "stop calling"
        digital | Website and app |
        digital/website | Website | website*, "web site*", webpage*, "web page*", "online portal", "the portal", "patient portal",
            "customer portal", "online form*", "online store", "online shop"
        digital/app | Mobile app | app, apps, "mobile app*", iphone, android, "app store", "play store"
        digital/usability | Ease of use | "easy to use", "easy to navigate", "hard to use", "difficult to use", "hard to navigate",
            "difficult to navigate", "user friendly", "not intuitive", intuitive, unintuitive, counterintuitive, navigat*, clunky,
            "too many clicks", "too many steps", interface, "user experience", ux, ui, filter, filters, "search results"
        digital/login | Login and passwords | login, logins, "log in", "logging in", "logged in", "log on", "sign in", "signing in",
            "signed in", password*, passcode*, "locked out", "locked me out", username*, "logging me out",
            "logged me out", "logs me out", "logged out", "two factor", 2fa, "verification code*", "one time code*", "one time passcode*",
            "sms code*", "security code*"
        digital/reliability | Outages and errors | crash*, glitch*, "keeps crashing", outage*,
            (app, apps, website*, site, system, systems, server*, portal, platform) NEAR/3 (down, offline), "error message*", "system error", "not loading", "won't load", "wouldn't load", "doesn't load", buggy, bug, bugs
        billing | Billing and payments |
        billing/charges | Charges | overcharg*, "double charged", "charged twice", "charged me", "charged us", "charged my", "was charged",
            "were charged", "been charged", "got charged", "being charged", "still charged", "wrongly charged", "charged for",
            "unexpected charge*", "extra charge*", "hidden charge*", "additional charge*", charges, "charge on my", "unauthori* charge*",
            "charged a", "a charge", "the charge", "this charge", "that charge"
        billing/refunds | Refunds | refund*, "money back", reimburs*, chargeback*, "charge back", "credit note*", "store credit"
        billing/payments | Payments and bills | payment*, "pay online", "paying online", "pay by card", "direct debit*", invoice*, billing,
            billed, "my bill", "the bill", "a bill", bills, statement, statements, "pay my bill"
        billing/fees | Fees | fee, fees, surcharge*, "late fee*", "admin fee*", "service fee*", "booking fee*", "hidden fee*"
        support | Support channels |
        support/phone | Phone | "call centre*", "call center*", "phone support", "on the phone", "over the phone", "by phone", "by telephone",
            telephone, "phone line*", phoned, hotline, helpline, "called them", "called you", "called your", "called customer",
            "called support", "calling them", "rang them", "rang you", "rang the", "phone call*", "answer the phone", "answered the phone",
            (answer, answers, answered, answering, "pick up", "picks up", "picked up") NEAR/2 (phone, phones),
            voicemail, "hung up", "hang up", "get through", "got through", "phone menu", "phone system", "automated system", "press 1"
        support/chat | Chat | "live chat", chat, chats, chatted, chatbot*, "chat bot*", "web chat", webchat, "online chat",
            "virtual assistant"
        support/email | E-mail | email*, e-mail*
        support/resolution | Problem resolution | resolv*, unresolved, resolution, "sorted it", "sorted out", "sorted the", "sort it out",
            "fixed it", "fixed the", "fixed my", "got it fixed", "not fixed", "never fixed", solved, "solve my", "solve the", escalat*,
            "first contact", "first call", "one call"
        effort | Ease and effort |
        effort/ease | Ease and hassle | easy, easier, easiest, easily, effortless*, hassle*, straightforward, seamless*, smooth, smoothly,
            painless, convenient, convenience, inconvenient, inconvenience, difficult, difficulty, complicated, convoluted, tedious,
            cumbersome, "so simple", "very simple", "really simple", "jump through hoops", "jumping through hoops", "red tape", bureaucra*,
            "so much effort", "too much effort", "lot of effort", "a nightmare"
        effort/repeat-contact | Repeat contact and transfers | "repeat myself", "repeating myself", "repeated myself", "start again",
            "start over", "starting over", "transferred me", "kept transferring", "transferred around", "transferred again", "passed around",
            "passed from", "passed between", "transferred between", "being transferred", "bounced around", "bounced between", "run around", runaround, "had to chase", "chasing them", "chase them",
            "chased them", "chasing up", "chased it", "chasing it", "round and round", "round in circles",
            "pointing at each other", "different people", "different person", (call*, contact*, email*, phoned, rang, ring, wrote, writing, chase*, explain*) NEAR/3
            ("several times", "many times", "multiple times", "three times", "four times", "five times", "countless times",
            "numerous times", "times now", "over and over", repeatedly, "yet again", "once again")
        """;

    private const string RetailTable = """
        delivery | Delivery | delivery, deliveries, delivered, courier*, parcel*, shipping, shipped, "delivery driver*"
        delivery/speed | Delivery time | "late delivery", "slow delivery", "fast delivery", "quick delivery", "next day delivery",
            "named day", "delivery slot*", "delivery time*", "delivery window*", "delivery date*", "next morning", overnight,
            (deliver*, arriv*, shipping, shipped, dispatch*, parcel*, package, packages, order, orders, courier*) NEAR/4 (late, delay*, slow,
            slowly, quick, quickly, fast, early, "on time", "next day", "same day", weeks, days, prompt, promptly, speedy, forever, ages, overdue,
            "day after")
        delivery/tracking | Tracking and order updates | tracking, "track my", "track the", "track an", tracked, "where is my order",
            "order status", "order update*", "delivery update*", "dispatch email*", "dispatch notification*", "shipping confirmation*",
            "order confirmation*", "confirmation email*"
        delivery/damaged-missing | Damaged, missing or wrong orders | (damaged, broken, crushed, smashed, dented, scratch*, torn, wet,
            opened, stolen, lost, missing) NEAR/4 (parcel*, package, packages, box, boxes, delivery, deliveries, arrived, arrival,
            packaging),
            "never arrived", "never received", "never came", "nothing arrived", "went missing", "gone missing",
            "never turned up", "didn't arrive", "did not arrive", "not delivered", "wasn't delivered", "never delivered", "missing item*",
            "item missing", "items missing", "missing from my order", "wrong item*", "wrong order", "wrong size", "wrong colour", "wrong color",
            "someone else's order", "order cancelled", "order was cancelled", "cancelled my order", "cancelled the order",
            "canceled my order"
        product | Products |
        product/quality | Product quality | quality NOT ("quality of service", "service quality", "quality of care", "quality of support"),
            "well made", "poorly made", "badly made", "cheaply made", flimsy, sturdy, durable, durability, "fell apart", "falling apart",
            "poor material*", "good material*", "cheap material*", fabric, stitching, "feels cheap", "looks cheap"
        product/defects | Faults and defects | defect*, faulty, broke, "broke down", "came apart", malfunction*, "dead on arrival",
            warranty, guarantee, ripped, "split at", "wear and tear",
            ("stopped working", "stops working", "doesn't work", "does not work", "didn't work", "did not work", "not working")
            NOT (code, codes, voucher*, coupon*, discount*, promo*, website*, web, app, link, links, login, password*, button*)
        product/information | Product information and sizing | "product description*", description, descriptions, "as described",
            "as pictured", "as advertised", "product page*", "product video*", dimensions, measurements,
            (photo*, picture*, image*) NEAR/4 (product*, item*, website*, site, listing*, page, online, nothing, different, match*),
            "size guide", sizing, "size chart", "true to size", "runs small", "runs large",
            "fits small", "fits large", "product info*", specification*, specs, "customer reviews", "product reviews", reviews
        product/availability | Stock and availability | "out of stock", "in stock", "back in stock", "sold out", "stock level*", "low stock",
            restock*, "ran out of stock", "run out of stock", backorder*, "back order*", "none left", availability, substitut*,
            "empty shelves", "shelves were empty", "half empty", "wasn't available", "weren't available", "not available", unavailable
        returns | Returns and exchanges |
        returns/process | Returns | "return policy", "returns policy", "returns process", "return process", "return label*",
            "returns label*", "returns portal", "free returns", "easy returns", "return window", "returns window", "return period",
            "returns desk", returns, "my return", "a return", "the return", "return it", "returned it", "returning it",
            "return them", "returned them", "return the", "returned the", "returning the", "return an item",
            ("return my", "returned my", "returning my") NOT (call*, email*, message*), "send it back", "sent it back", "sending it back",
            "send them back", "sent them back", "take it back", "took it back", "took them back"
        returns/exchanges | Exchanges | exchang* NOT ("exchange rate*", "foreign exchange"), "swap it", "swapped it", "swap for",
            "swapped for", "different size", replacement*
        checkout | Checkout and promotions |
        checkout/process | Checkout | checkout, checkouts, basket, cart, "payment page", "place an order", "place my order",
            "placing an order", "placing my order", "placed an order", "complete my order", "completing my order", "click and collect",
            "reserve online", "for collection", "collection point"
        checkout/promotions | Discounts, promotions and loyalty | discount*, promo, promos, promotion*, coupon*, voucher*,
            "special offer*", "sale price*", "on sale", deals, "good deal", "great deal", "better deal", loyalty, "reward points",
            "points card", "membership card"
        store | In-store experience | "in store", (store, stores) NOT ("app store", "play store", "online store", "store credit"),
            "the shop" NOT "online shop", "opening hours", "opening times",
            "in the shop", "shop floor", aisle*, shelves, shelf, "fitting room*", "changing room*", cashier*, "the till", "the tills",
            "shop assistant*", "store staff", "store manager", "store layout",
            (clean, dirty, messy, untidy, tidy, filthy) NEAR/3 (store, stores, shop, shops, aisle*, floor, floors, toilet*, shelves)
        """;

    private const string FinancialServicesTable = """
        security | Security and fraud |
        security/fraud | Fraud and scams | fraud*, scam*, phishing, "identity theft", cloned, suspicious,
            stolen NEAR/3 (card, cards, phone, wallet, purse, identity, details),
            "unauthori* transaction*", "unauthori* payment*", "unauthori* withdrawal*", "suspicious transaction*", "suspicious activity",
            "someone used my card", hacked, hacker*, compromised
        security/trust | Trust and safety | trust, trusted, trustworthy, untrustworthy, distrust, mistrust, "feel safe", "feel secure",
            "felt safe", "felt secure", "peace of mind", reputation, reputable, transparen*, secure, securely, security, reassur*
        security/verification | Identity checks and verification | verif*, "identity check*", "id check*", "security check*",
            "security question*", otp, authenticat*, "proof of identity", "proof of address", kyc, "prove who i am", "prove my identity",
            "same documents", "documents again"
        digital/online-banking | Online and mobile banking | "online banking", "internet banking", "mobile banking", "banking app",
            "bank app", "banking website", "digital banking", "open banking"
        accounts | Accounts and savings |
        accounts/opening | Opening an account | "open an account", "opened an account", "opening an account", "open a new account",
            "opened a new account", "opening a new account", "account opening", "account opened", "opened my account",
            "open my account", "new account", "switched banks", "switching banks", "switch banks", "current account switch*"
        accounts/closing | Closures and freezes | "close my account", "closed my account", "closing my account", "close the account",
            "closed the account", "closing the account", "account closure", "account closed", "leave the bank", "leaving the bank",
            "account frozen", "froze my account", "frozen account", "account blocked", "blocked my account", "account was blocked",
            "account was frozen", "account locked", "locked my account", (close, closing, closed) NEAR/4 (account, accounts)
        accounts/savings | Savings and investments | savings, saver, savers, isa, isas, "savings account*", invest*, portfolio*,
            bond, bonds, "savings pot*"
        cards | Cards | "credit card*", "debit card*", "bank card*", "new card", "replacement card*", "card declined", "card was declined",
            "card got declined", "declined card", "card limit", contactless, pin, "card blocked", "blocked card", "blocked my card",
            "card freeze", "freeze my card", "froze my card", "frozen card", "replaced my card", cashback, rewards
        lending | Loans and mortgages | loan, loans, mortgage*, remortgag*, "line of credit", "credit limit", "credit score*",
            "credit check*", overdraft*, repayment*, underwrit*, "application was declined", "application was rejected", "approved for"
        terms | Terms, fees and rates |
        terms/conditions | Terms and conditions | "terms and conditions", t&c, t&cs, "small print", "fine print", "changed the terms",
            "change in terms", "changes to the terms", "hidden terms", terms NOT ("in terms of", "on good terms", "terms and conditions"),
            disclos*, "not disclosed", "policy change*", regulat*, compliance,
            contract*
        terms/rates | Interest rates | "interest rate*", "interest paid", "interest on", "earn* interest", "pay* interest",
            "charged interest", "interest charge*", "compound interest", apr, "savings rate*", "exchange rate*", "mortgage rate*",
            "fixed rate*", "variable rate*", "rate of interest", "rate rise*", "rate increase*", "savings interest",
            (rate, rates) NEAR/3 (interest, savings, saver, bonus, drops, dropped, cut, advertised, fixed, variable, best, better, worse,
            poor, good, great, competitive, loan, mortgage)
        advice | Financial advice and education | advice, advise*, advisor*, adviser*, "financial planning", "financial education",
            "financial literacy", educat*, guidance, "explained my options", "explained the options", budget*, "helped me understand",
            "help me understand", "informed decision*", webinar*, "money management", "savings goal*", "retirement planning", pension*
        branches | Branches and ATMs | branch, branches, teller*, atm, atms, "cash machine*", cashpoint*, "branch closure*",
            withdraw*, "opening hours", "opening times"
        transfers | Transfers | "bank transfer*", "money transfer*", "wire transfer*", wire, wired, "international transfer*",
            "transfer money", "transferred money", "transferring money", "transfer the money", "transfer funds", "transferred funds",
            payee*, "sort code", "faster payment*", transfer, transfers, "send abroad", "sending abroad", "money abroad", "sent money", "send money", "sending money", remittance*, "standing order*"
        """;

    private const string HealthcareTable = """
        privacy | Privacy and confidentiality | privacy, confidential*, hipaa, "data protection", gdpr, discreet, discretion, "in private",
            privately, overheard, "could hear", "personal information", "personal details", "medical information"
        appointments | Appointments |
        appointments/booking | Booking and rescheduling | book*, schedul*, reschedul*, "make an appointment", "made an appointment",
            "appointment system"
        appointments/availability | Availability and waiting lists | "waiting list*", "wait list*", waitlist*, "next available",
            "no appointments", "no availability", "no slots", "earliest appointment", "appointment slot*", "evening appointment*",
            "weekend appointment*", (appointment*, "see a doctor", "see the doctor", "see a specialist", "see my gp", "see a gp", slot,
            slots) NEAR/5 (available, availability, "couldn't get", "could not get", "can't get", "cannot get", "unable to get", earliest,
            "weeks out", "months out", "weeks away", "months away", "week wait", "weeks wait", "month wait", "months wait", "same day",
            "same week", "next day")
        appointments/reminders | Reminders and cancellations | reminder*, "reminded me", cancel*, "no show"
        care | Clinical care |
        care/doctors | Doctors | doctor*, dr, physician*, surgeon*, consultant*, gp, gps, specialist*, clinician*, "bedside manner",
            physio*, therapist*, dentist*
        care/nurses | Nurses and care staff | nurse*, nursing, midwi*, "care staff", "care assistant*", "healthcare assistant*", carer*,
            caregiver*, paramedic*
        care/treatment | Diagnosis and treatment | treatment*, treated, diagnos*, misdiagnos*, medication*, medicine*, surgery, surgeries,
            operation, procedure*, scan, scans, "blood test*", x-ray*, therapy, "pain relief", "pain management", "side effect*", prescribed
        coordination | Care coordination |
        coordination/referrals | Referrals and handoffs | referral*, referred, "refer me", "referring me", handoff*, "hand off", handover*,
            "hand over", "passed between", "transfer of care", discharge*, "sent me to", "between departments", "between providers",
            "between hospitals", coordinat*, "joined up"
        coordination/results-records | Test results and records | results, "test result", "lab result", "medical record*",
            "health record*", "patient record*", records, "my notes", "medical notes", paperwork
        education | Health education and advice | "explained my", "explained the", "explained what", "explained everything",
            leaflet*, pamphlet*, "information about my", "information on my", "what to expect", aftercare, "after care",
            "self care", "lifestyle advice", "health advice", "advice on", "advice about", educat*, "understand my condition",
            "understand my diagnosis", "understand my treatment", wellness, prevention, preventive, preventative
        facilities | Facilities | clean, dirty, filthy, hygien*, unhygienic, cleanliness, smelly, "waiting room*", "waiting area*", parking,
            "car park", toilet*, restroom*, bathroom*, ward, wards, signage, signpost*, accessib*, wheelchair*,
            "wash* hands", "washing hands", "opening hours", "opening times"
        telehealth | Telehealth and virtual visits | telehealth, telemedicine, "video visit*", "virtual visit*", "video call*",
            "video appointment*", "video consultation*", "phone appointment*", "phone consultation*", "online consultation*"
        pharmacy | Pharmacy and prescriptions | pharmac*, prescription*, refill*, chemist*, dispens*, meds
        insurance | Insurance and coverage | insurance, insurer*, insured, uninsured, "covered by", coverage, copay*, co-pay*,
            deductible*, "out of pocket", "prior authori*", "pre authori*", "claim was denied", "claim denied", "claim was rejected",
            "insurance claim*", medicare, medicaid
        """;

    private const string SaasTable = """
        onboarding | Onboarding and setup |
        onboarding/setup | Setup and getting started | onboard*, "set up", "setting up", setup, "getting started", "get started",
            "initial setup", install*, configur*, implementation, "go live", "went live", kickoff, kick-off, "welcome call"
        onboarding/migration | Data import and migration | migrat*, "import data", "importing data", "data import", "imported data",
            "import our", "import my", "csv import", "move our data", "moving our data", "switching from", "switched from"
        adoption | Product adoption |
        adoption/training | Training and documentation | training, tutorial*, webinar*, documentation, docs, "knowledge base",
            "user guide*", "help docs", how-to, walkthrough*, "walk through", "product tour", "learning curve", academy, certification, faq,
            faqs, "help centre", "help center", "help article*"
        adoption/features | Features and functionality | feature NOT "feature request*", features, functionality, functionalities,
            capabilit*, dashboard*, reporting, reports, workflow*, automation*, customi*, template*, export*
        support/technical | Technical support | "technical support", "tech support", "support engineer*", "support team", "support ticket*",
            ticket, tickets, "support case*", sla, slas, "developer support"
        product-feedback | Feature requests | "feature request*", "would be nice", "would be great if", "would love", "wish list", wishlist,
            "wish it", "wish there was", roadmap, "please add", "add the ability", "add an option", "add a way", "the ability to",
            "missing feature*", lacks, lacking, suggestion*, "ideas portal", upvot*
        reliability | Reliability and performance |
        reliability/bugs | Bugs and errors | bug, bugs, buggy, glitch*, crash*, error* NOT (billing, invoice*, charge*), "doesn't work",
            "does not work", "not working", "stopped working", "nothing works", "nothing worked", broken, freez*, froze, frozen,
            "logs me out", "logged me out", "logging me out", (lost, lose, losing, loss) NEAR/4 data
        reliability/outages | Outages and downtime | outage*, downtime, (app, apps, website*, site, system, systems, server*, service,
            portal, platform, it, everything) NEAR/3 (down, offline), unavailable, uptime, "status page", disruption*
        reliability/performance | Speed and performance | performance NOT "performance review*", "loading time*", "load time*",
            (slow, slowly, sluggish, laggy, lag, lagging, fast, faster, quick, snappy, speed, seconds, forever, ages) NEAR/4 (load*,
            app, apps, system, platform, dashboard*, page*, interface, software, tool, editor, search, sync*)
        integrations | Integrations and API | integrat*, api, apis, webhook*, plugin*, "plug in", zapier, salesforce, hubspot, slack,
            "google sheets", excel, sync, syncs, syncing, synced, "single sign on", sso, connector*, okta, scim, jira, "google workspace"
        subscription | Plans and subscriptions |
        subscription/plans | Plans and upgrades | (plan, plans, tier, tiers) NEAR/3 (pricing, price*, upgrad*, downgrad*, paid, free, pro,
            premium, enterprise, basic, starter, subscription*, seat*, monthly, annual, yearly, switch*, chang*, cheaper, expensive,
            higher, lower), upgrad*, downgrad*, "free trial", trial, "per seat", "per user", licen*, seats, "seat management", "seat reduction"
        subscription/cancellation | Cancellation and renewal | cancel* NEAR/4 (subscription*, plan, plans, account, accounts,
            contract*, service, renewal, licen*, seats, trial), "auto renew*", "automatically renewed", renewal*, renew, renewed, renewing,
            churn*, "moving to a competitor"
        """;
}
