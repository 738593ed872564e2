using static CrmBot.Understanding.IntentRule;
using static CrmBot.Understanding.RuleConditions;

namespace CrmBot.Understanding;

/// <summary>
/// The English keyword rules. Each intent has rules for its idea rather than for set phrases: a verb and an
/// object within a few words of each other in either order ("where ... order", "cancel ... SO-10042"), synonyms,
/// and the entities the sentence carries. Scores: about 0.9 when the words leave no doubt, 0.7-0.8 for a strong
/// hint, under 0.5 for a hint that only counts when nothing else matches (the recogniser then answers None).
/// </summary>
internal static class EnglishIntentRules
{
    private const string AnOrder = @"(?:\borders?\b|⟨_order⟩)";

    /// <summary>"top customers" asks for a ranking (<see cref="Intent.TopCustomers"/>), not for someone to look up.</summary>
    private const string Ranked = @"\b(?:top|best|biggest|largest|leading|most\s+valuable|highest[-\s]spending)\s+(?:\d{1,2}\s+)?";

    /// <summary>"Pause my messages", "resume sending updates": a customer's wish (<see cref="Intent.OptIn"/>, <see cref="Intent.OptOut"/>), not a workflow's name.</summary>
    private const string NotMessagesToMe =
        @"(?!\s+(?:sending\b|send\b|(?:(?:the|my|all|your|those|these)\s+)?(?:messages|messaging|notifications|updates|alerts|texts|e-?mails|nudges)\b))";

    /// <summary>
    /// "Why did Alice get the shipping notice?", "why was alice@example.com sent a reminder?": whom (<c>who</c>, never
    /// the asker, and not an order that "got cancelled") and which message (<c>what</c>). The dialog reads the same groups.
    /// </summary>
    internal const string WhyReceived =
        @"^(?:but\s+|so\s+|and\s+)?why\s+(?:did|does|has|have|was|were|is)\s+(?:(?:the\s+)?(?:customer|client)\s+)?(?!(?:i|me|we|us|you|my|our|your|it|its|this|that|they|them|he|she|his|her|their)\b)"
        + @"(?<who>.{1,60}?)\s+(?:get|gets|got|gotten|receive|receives|received|be\s+sent|been\s+sent|sent)\b"
        + @"(?!\s+(?:cancell?ed|shipped|delivered|refunded|paid|charged|billed|lost|delayed|stuck|returned|deleted|removed|erased|blocked|banned)\b)"
        + @"(?<what>.*?)[\s?.!]*$";

    public static IEnumerable<IntentRule> All =>
    [
        // Where is my order?
        Anywhere(Intent.TrackOrder, 0.85, @"\b(?:track|trace|tracking)\b(?!\s*(?:number|no\b|#|code|id\b))"),
        Anywhere(Intent.TrackOrder, 0.9, @"\bwhere(?:'s|\s+is|\s+are|s)?\b.{0,40}(?:\b(?:order|orders|package|parcel|parcels|delivery|shipment|stuff|purchase|items?|goods|mugs?|things)\b|⟨_order⟩|⟨_tracking⟩)"),
        Anywhere(Intent.TrackOrder, 0.9, @"\b(?:status|progress)\b.{0,30}(?:\b(?:order|package|parcel|delivery|shipment)\b|⟨_order⟩)|(?:\b(?:order|package|parcel|delivery|shipment)\b|⟨_order⟩).{0,20}\bstatus\b|\bupdate\s+on\b.{0,20}" + AnOrder, IsNotWhyReceived),
        Anywhere(Intent.TrackOrder, 0.85, @"\bwhen\b.{0,40}\b(?:arrive|arriving|arrives|come|coming|get\s+here|be\s+delivered|deliver|delivered|ship|shipped|shipping|dispatched|receive|get\s+(?:it|them|my))\b"),
        Anywhere(Intent.TrackOrder, 0.85, @"^(?:has|have|is|was|did|were|are)\b.{0,50}\b(?:shipped|sent|dispatched|delivered|arrived|left|on\s+(?:its|the)\s+way)\b"),
        Anywhere(Intent.TrackOrder, 0.85, @"\b(?:shipped|sent|dispatched|delivered|arrived)\b(?:\s+(?:yet|already))?\s*\?\s*$"),
        Anywhere(Intent.TrackOrder, 0.85, @"\b(?:hasn't|hasnt|haven't|havent|didn't|didnt|not|never|still)\b.{0,25}\b(?:arrived|received|delivered|shipped|come|turned\s+up|shown\s+up)\b"),
        Anywhere(Intent.TrackOrder, 0.8, @"\b(?:check|look\s*up|lookup|find|show|see|view|get)\b.{0,25}" + AnOrder),
        Anywhere(Intent.TrackOrder, 0.85, @"\b(?:what|where)(?:'s|\s+is)?\b.{0,20}\btracking\s+(?:number|no|code|id)\b"),
        Anywhere(Intent.TrackOrder, 0.75, @"\border\s+(?:status|history|details|info)\b|\bwhat\s+did\s+i\s+order\b"),
        Anywhere(Intent.TrackOrder, 0.6, @"\bmy\s+(?:order|orders|package|parcel|delivery)\b"),
        Whole(Intent.TrackOrder, 0.7, @"⟨_order⟩|⟨_tracking⟩|orders|my orders?"),

        // I want to buy ...
        Anywhere(Intent.PlaceOrder, 0.95, @"\bnew\s+order\b", IsNotWhyReceived),
        Anywhere(Intent.PlaceOrder, 0.9, @"\b(?:place|make|create|start|put\s+in|submit)\b.{0,12}\b(?:an?\s+|new\s+)?order\b"),
        Anywhere(Intent.PlaceOrder, 0.9, @"\b(?:want|wanna|would\s+like|'d\s+like|like|need|wish)\s+(?:to\s+)?(?:buy|order|purchase)\b(?!\s+(?:status|number))"),
        Anywhere(Intent.PlaceOrder, 0.85, @"\b(?:can|could|may)\s+i\s+(?:order|buy|purchase)\b"),
        Anywhere(Intent.PlaceOrder, 0.8, @"(?<!\blikely\b.{1,60})\b(?:buy|buying|purchase|purchasing)\b(?!\s+(?:likelihood|probability|score))"),
        Statement(Intent.PlaceOrder, 0.75, @"^(?:i'?ll\s+|i\s+will\s+)?(?:order|get\s+me|send\s+me|give\s+me|i'?ll\s+take|i'?ll\s+have)\b(?!\s+(?:status|number|history))"),
        Anywhere(Intent.PlaceOrder, 0.85, @"\b(?:add|put)\b.{0,30}\b(?:to|in|into)\s+(?:my\s+|the\s+)?(?:cart|basket|order)\b"),
        Anywhere(Intent.PlaceOrder, 0.8, @"\b(?:checkout|check\s+out)\b"),
        Anywhere(Intent.PlaceOrder, 0.85, @"\b(?:want|wanna|would\s+like|'d\s+like|need|i'?ll\s+take|i'?ll\s+have|give\s+me|get\s+me|send\s+me)\b", u => u.Has<QuantityEntity>() || u.Has<NumberEntity>()),

        // What do you sell?
        Anywhere(Intent.BrowseProducts, 0.85, @"\b(?:show|see|browse|view|list|what|which|any)\b.{0,25}\b(?:products?|catalog(?:ue)?|items|goods|range|collection|selection|inventory)\b"),
        Anywhere(Intent.BrowseProducts, 0.9, @"\bwhat\b.{0,15}\b(?:do|can)\s+you\b.{0,10}\b(?:sell|have|offer|got|carry|stock)\b"),
        Anywhere(Intent.BrowseProducts, 0.85, @"\bdo\s+you\s+(?:have|sell|carry|stock|offer)\b"),
        Anywhere(Intent.BrowseProducts, 0.75, @"\b(?:how\s+much|price|prices|pricing|cost|costs)\b"),
        Anywhere(Intent.BrowseProducts, 0.75, @"\b(?:in\s+stock|available|availability)\b"),
        Whole(Intent.BrowseProducts, 0.9, @"products?|catalog(?:ue)?|shop|store|browse|browse products|shopping|items"),

        // Cancel my order.
        Anywhere(Intent.CancelOrder, 0.92, @"\bcancel(?:l?ing|l?ed|lation)?\b.{0,25}(?:" + AnOrder + @"|\bpurchase\b)", IsNotWhyReceived),
        Anywhere(Intent.CancelOrder, 0.9, AnOrder + @".{0,25}\bcancel(?:l?ing|l?ed|lation)?\b", IsNotWhyReceived),
        Anywhere(Intent.CancelOrder, 0.85, @"\b(?:don't|do\s+not|dont|no\s+longer)\s+(?:want|need)\b.{0,25}" + AnOrder),
        Anywhere(Intent.CancelOrder, 0.8, @"\b(?:call\s+off|withdraw|revoke)\b.{0,15}" + AnOrder),

        // My new email is ...
        Anywhere(Intent.UpdateContact, 0.9, @"\b(?:update|change|edit|correct|fix|modify|replace)\b.{0,20}\b(?:e-?mail|phone|number|mobile|cell|address|contact|details|name|info|information)\b"),
        Anywhere(Intent.UpdateContact, 0.9, @"\bnew\s+(?:e-?mail|phone|number|mobile|cell|address|contact)\b"),
        Anywhere(Intent.UpdateContact, 0.75, @"\bmy\s+(?:e-?mail|phone|number|mobile|cell|address)\s+(?:is|has\s+changed|changed|should\s+be)\b"),
        Anywhere(Intent.UpdateContact, 0.8, @"\b(?:wrong|incorrect|outdated|old)\s+(?:e-?mail|phone|number|address)\b"),
        Anywhere(Intent.UpdateContact, 0.75, @"\bi(?:'ve|\s+have)?\s+moved\b"),

        // Stop sending me messages.
        Anywhere(Intent.OptOut, 0.95, @"\b(?:unsubscribe|opt\s*-?\s*out|optout)\b"),
        Anywhere(Intent.OptOut, 0.95, @"\bstop\b.{0,20}\b(?:send(?:ing)?|messag(?:e|es|ing)|text(?:s|ing)?|contact(?:ing)?|e-?mail(?:s|ing)?|spam(?:ming)?|bother(?:ing)?|notif(?:y|ying|ications?)|updates|nudges|reminding)\b"),
        Anywhere(Intent.OptOut, 0.9, @"\b(?:don't|do\s+not|dont|never|quit)\b.{0,10}\b(?:send|message|text|contact|e-?mail|bother|notify|spam|call)\b.{0,12}\bme\b"),
        Anywhere(Intent.OptOut, 0.9, @"\bno\s+more\b.{0,15}\b(?:messages|notifications|texts|e-?mails|updates|spam|reminders|nudges)\b"),
        Anywhere(Intent.OptOut, 0.85, @"\bleave\s+me\s+alone\b"),
        Anywhere(Intent.OptOut, 0.9, @"\b(?:turn\s+off|disable|mute|switch\s+off)\b.{0,15}\b(?:messages|notifications|updates|alerts|nudges)\b"),
        Whole(Intent.OptOut, 0.9, @"stop|stop all|td|unsub"),

        // Send me messages again.
        Anywhere(Intent.OptIn, 0.9, @"\b(?:opt\s*-?\s*in|subscribe|resubscribe|re-subscribe)\b", IsNotNegated),
        Anywhere(Intent.OptIn, 0.9, @"\b(?:start|resume|turn\s+on|enable|restart|switch\s+on)\b.{0,20}(?<!-)\b(?:sending|messages|messaging|notifications|updates|alerts|texts|e-?mails|nudges)\b(?!-)", IsNotNegated),
        Anywhere(Intent.OptIn, 0.85, @"\b(?:send|message|notify|text|contact)\b.{0,10}\bme\b.{0,20}\bagain\b", IsNotNegated),
        Anywhere(Intent.OptIn, 0.8, @"\b(?:you\s+(?:can|may)|ok\s+to|okay\s+to)\s+(?:message|contact|text|e-?mail|notify)\s+me\b", IsNotNegated),
        Whole(Intent.OptIn, 0.9, @"unstop|start messages|subscribe"),

        // A person, please.
        Anywhere(Intent.Human, 0.92, @"\b(?:talk|speak|chat|connect|transfer|put)\b.{0,20}\b(?:human|person|people|agent|someone|somebody|representative|rep|operator|staff|real|customer\s+service|support|salesperson|manager|live)\b"),
        Anywhere(Intent.Human, 0.85, @"\b(?:human|real\s+person|live\s+agent|live\s+person|live\s+chat|operator|representative|customer\s+(?:service|support|care)|support\s+team|salesperson)\b"),
        Anywhere(Intent.Human, 0.75, @"\b(?:call|phone|ring)\s+me(?:\s+back)?\b"),
        Whole(Intent.Human, 0.9, @"human|a human|agent|an agent|person|a person|operator|support|representative|rep|real person|someone"),

        // Find customer alice@example.com.
        // Score alice@example.com; how likely is Wang Fang to buy?
        Anywhere(Intent.ScoreCustomer, 0.95, @"^\s*(?:please\s+)?score\b"),
        Anywhere(Intent.ScoreCustomer, 0.98, @"\bhow\s+likely\s+(?:is|are)\b.{1,60}\bto\s+(?:buy|order|purchase)\b"),
        Anywhere(Intent.ScoreCustomer, 0.98, @"\b(?:purchase|buying)\s+(?:likelihood|probability|score)\b"),

        // Who should I call today?
        Anywhere(Intent.CallPlan, 0.95, @"\bwho\s+(?:should|shall|do|can|must)\s+i\s+(?:call|phone|ring)\b"),
        Anywhere(Intent.CallPlan, 0.93, @"\b(?:call|calling|phone)\s+(?:list|plan|sheet)\b"),
        Whole(Intent.CallPlan, 0.9, @"(?:my\s+)?calls(?:\s+(?:for\s+)?today)?"),

        // Stats; revenue this quarter; top customers.
        Whole(Intent.Stats, 0.95, @"(?:(?:show|give|get)(?: me)?(?: the| our| my)? )?(?:sales |shop |store |business |our |my )?(?:stats|statistics|analytics|kpis?|dashboard|numbers|figures|metrics|report)(?: please)?"),
        Anywhere(Intent.Stats, 0.9, @"\b(?:stats|statistics|analytics|kpis?|dashboard|metrics)\b"),
        Anywhere(Intent.Stats, 0.85, @"\b(?:sales|business|shop|store)\s+(?:report|numbers|figures|performance|summary|overview)\b|\bhow\s+(?:are|were|is|was)\s+(?:our\s+|the\s+)?(?:sales|business)\b"),
        Anywhere(Intent.Revenue, 0.93, @"\b(?:revenue|revenues|turnover|takings|income|earnings)\b"),
        Anywhere(Intent.Revenue, 0.9, @"\bhow\s+much\s+(?:did|have|has)\s+(?:we|the\s+shop|the\s+store)\s+(?:sell|sold|make|made|earn|earned|take|taken)\b"),
        Anywhere(Intent.TopCustomers, 0.96, Ranked + @"(?:customers?|clients?|buyers?|spenders?|accounts?)\b"),
        Anywhere(Intent.TopCustomers, 0.93, @"\bwho\b.{0,20}\b(?:buys?|bought|spends?|spent|orders?|ordered)\s+(?:the\s+)?most\b"),

        Anywhere(Intent.FindCustomer, 0.92, @"\b(?:find|search|look\s*up|lookup|show|open|get|pull\s+up|display|who\s+is|who's)\b.{0,20}(?<!" + Ranked + @")\b(?:customers?(?!\s+(?:service|support|care))|clients?|contacts?|accounts?|profiles?|buyers?|shoppers?)\b"),
        Anywhere(Intent.FindCustomer, 0.9, @"\b(?:find|search(?:\s+for)?|look\s*up|lookup|pull\s+up|who\s+is|who's|who\s+owns|whose)\b", HasContact),
        Anywhere(Intent.FindCustomer, 0.85, @"\b(?:customer|client)\b(?!\s+(?:service|support|care))", u => HasContact(u) && IsNotWhyReceived(u)),
        Anywhere(Intent.FindCustomer, 0.85, @"\b(?:customer|client)\s+(?:details|info|information|profile|record|card|data)\b"),
        Whole(Intent.FindCustomer, 0.65, @"⟨_email⟩|⟨_phone⟩"),

        // Export data for alice@example.com; erase customer Alice Zhang.
        Anywhere(Intent.ExportCustomerData, 0.97, @"\b(?:export|download|dump)\b.{0,30}\b(?:customers?|clients?|data|profiles?|records?|details|information|info)\b"),
        Anywhere(Intent.ExportCustomerData, 0.96, @"\b(?:export|download)\b", HasContact),
        Anywhere(Intent.ExportCustomerData, 0.97, @"\b(?:data\s+export|subject\s+access\s+request|gdpr\s+(?:export|request))\b"),
        Anywhere(Intent.EraseCustomerData, 0.97, @"\b(?:erase|delete|remove|wipe|purge|anonymi[sz]e)\b.{0,30}\b(?:customers?(?!\s+(?:service|support|care))|clients?|(?:personal\s+)?data|profiles?|records?|accounts?)\b"),
        Anywhere(Intent.EraseCustomerData, 0.96, @"\b(?:erase|wipe|purge|anonymi[sz]e)\b", HasContact),
        Anywhere(Intent.EraseCustomerData, 0.97, @"\bright\s+to\s+(?:be\s+forgotten|erasure)\b"),

        // Payment received for SO-10042.
        Statement(Intent.RecordPayment, 0.92, @"\b(?:payment|paid|pay|money|transfer|funds)\b.{0,20}\b(?:received|recieved|arrived|came\s+in|come\s+in|cleared|confirmed|credited|landed)\b"),
        Statement(Intent.RecordPayment, 0.92, @"\b(?:received|got|record|recording|log|register|confirm|enter|add|book)\b.{0,20}(?:\b(?:payment|the\s+money|funds|a\s+transfer|bank\s+transfer)\b|⟨_money⟩)"),
        Anywhere(Intent.RecordPayment, 0.95, @"\b(?:mark|set|flag)\b.{0,25}\b(?:as\s+)?(?:paid|settled)\b"),
        Statement(Intent.RecordPayment, 0.85, @"(?:⟨_order⟩|\border\b|\bcustomer\b|\bclient\b|\bhe\b|\bshe\b|\bthey\b|\bi\b|\bwe\b)(?:\s+\S+){0,3}?\s+(?:(?:has|have|was|is|just|already)\s+)*(?:paid|payed|settled)\b"),
        Anywhere(Intent.RecordPayment, 0.6, @"\bpayments?\b"),

        // Ship SO-10042 with SF Express SF1234567890.
        Statement(Intent.ShipOrder, 0.92, @"^(?:please\s+)?(?:ship|dispatch|send\s+out)\b"),
        Statement(Intent.ShipOrder, 0.88, @"\b(?:ship|shipped|dispatch|dispatched|send|sent|sending|shipping|hand(?:ed)?\s+over)\b.{0,30}\b(?:with|via|by|using|through)\b", HasShipment),
        Anywhere(Intent.ShipOrder, 0.95, @"\b(?:mark|set|flag)\b.{0,25}\b(?:as\s+)?(?:shipped|dispatched|sent|out\s+for\s+delivery)\b"),
        Statement(Intent.ShipOrder, 0.8, @"⟨_order⟩.{0,10}\b(?:ship|shipped|dispatched|sent\s+out)\b"),
        Statement(Intent.ShipOrder, 0.75, @"⟨_tracking⟩", u => u.Has<OrderNumberEntity>()),
        Statement(Intent.ShipOrder, 0.8, @"\btracking\b.{0,12}⟨_tracking⟩"),

        // Mark SO-10042 delivered.
        Anywhere(Intent.DeliverOrder, 0.95, @"\b(?:mark|set|flag|confirm|update)\b.{0,25}\b(?:as\s+)?(?:delivered|received|arrived)\b"),
        Statement(Intent.DeliverOrder, 0.75, @"\bdelivered\b"),
        Statement(Intent.DeliverOrder, 0.75, @"\b(?:customer|client|he|she|they|we)\s+(?:has\s+|have\s+)?(?:received|got|signed\s+for)\b"),
        Statement(Intent.DeliverOrder, 0.7, @"\b(?:i|we)\s+(?:have\s+|'ve\s+)?(?:received|got)\s+(?:my|the|our)\s+(?:order|package|parcel|delivery|mugs?|items?)\b"),

        // Refund 20 on SO-10042.
        Anywhere(Intent.RefundOrder, 0.92, @"\b(?:refund|refunds|refunded|refunding|reimburse|reimbursement|money\s+back|chargeback|charge\s+back|compensat(?:e|ion))\b", IsNotWhyReceived),
        Anywhere(Intent.RefundOrder, 0.75, @"\b(?:return|returning|send\s+back|sending\s+back)\b(?!\s+to\b).{0,30}(?:\b(?:item|items|order|orders|mugs?|it|them|product|products|package|parcel)\b|⟨_order⟩)"),
        Anywhere(Intent.RefundOrder, 0.6, @"\b(?:damaged|broken|defective|faulty|cracked|wrong\s+item|not\s+as\s+described|missing\s+items?)\b"),

        // Log a call with Alice.
        Anywhere(Intent.LogInteraction, 0.9, @"\b(?:log|record|note|add|write|save|enter|create)\b.{0,15}\b(?:a\s+|an\s+|the\s+|new\s+)?(?:call|calls|meeting|visit|chat|conversation|interaction|note|notes|memo|touch\s*point|activity|comment)\b"),
        Anywhere(Intent.LogInteraction, 0.95, @"^(?:note|notes|memo|log)\s*[:\-]"),
        Anywhere(Intent.LogInteraction, 0.85, @"\b(?:just\s+)?had\s+(?:a|an)\s+(?:call|meeting|chat|visit|conversation)\b"),
        Statement(Intent.LogInteraction, 0.8, @"\b(?:spoke|talked|met|called|emailed|e-mailed|chatted|visited|phoned|texted|messaged)\b", u => u.Has<PersonNameEntity>()),
        Statement(Intent.LogInteraction, 0.6, @"\b(?:spoke|talked|met|called|emailed|e-mailed|chatted|visited|phoned)\b"),

        // Remind me to call Alice tomorrow at 10.
        Anywhere(Intent.SetReminder, 0.95, @"\bremind\s+(?:me|us|him|her|them)\b"),
        Anywhere(Intent.SetReminder, 0.95, @"\b(?:set|add|create|make|new|schedule|put)\b.{0,15}\breminder\b"),
        Anywhere(Intent.SetReminder, 0.9, @"\breminder\s+(?:to|for|about|at|on|tomorrow|today|next)\b"),
        Anywhere(Intent.SetReminder, 0.9, @"\b(?:don't|do\s+not|dont)\s+let\s+me\s+forget\b"),
        Anywhere(Intent.SetReminder, 0.8, @"\b(?:follow(?:\s*-?\s*up|ing\s+up)|call\s+back|ping|chase|check\s+in\s+with)\b", u => u.Has<DateTimeEntity>()),
        Anywhere(Intent.SetReminder, 0.7, @"\bremind(?:er)?\b"),

        // My reminders.
        Anywhere(Intent.ListReminders, 0.92, @"\b(?:my|show|list|see|view|all|upcoming|open|pending|any|what|check|today'?s|tomorrow'?s)\b.{0,15}\breminders\b"),
        Anywhere(Intent.ListReminders, 0.85, @"\b(?:show|list|see|view|check)\b.{0,10}\breminder\b"),
        Anywhere(Intent.ListReminders, 0.8, @"\bwhat\s+do\s+i\s+have\b|\bwhat(?:'s|\s+is)\s+(?:due|on\s+my\s+(?:list|plate|agenda|schedule)|scheduled)\b|\bmy\s+(?:agenda|schedule|to-?do(?:\s+list)?|tasks)\b"),
        Whole(Intent.ListReminders, 0.9, @"reminders|list reminders|agenda|todo|to do|tasks"),

        // Done 2.
        Anywhere(Intent.CompleteReminder, 0.96, @"\b(?:complete|completed|finish|finished|done|close|tick\s+off|check\s+off|mark)\b.{0,20}\breminders?\s*(?:no\.?\s*|number\s*|#\s*)?\d{1,2}\b"),
        Anywhere(Intent.CompleteReminder, 0.96, @"\breminders?\s*(?:no\.?\s*|number\s*|#\s*)?\d{1,2}\b.{0,15}\b(?:done|complete|completed|finished)\b"),

        // Cancel reminder 2.
        Anywhere(Intent.CancelReminder, 0.97, @"\b(?:cancel|delete|remove|drop|scrap)\b.{0,20}\breminders?\s*(?:no\.?\s*|number\s*|#\s*)?\d{1,2}\b"),
        Whole(Intent.CompleteReminder, 0.9, @"(?:done|complete|completed|finished|tick\s+off|check\s+off)\s*(?:no\.?\s*|#\s*)?\d{1,2}"),

        // Workflows; pause unpaid-order-nudge; release welcome-new-customer; why did Alice get the shipping notice?
        Whole(Intent.ListWorkflows, 0.95, @"(?:(?:list|show|see|view|open|check)(?: me)?(?: the| all| our| my)? |all |our |my |the )?(?:sales )?(?:workflows?|workflow rules|automations|automation rules)(?: list| status)?"),
        Anywhere(Intent.ListWorkflows, 0.9, @"\b(?:list|show|see|view|check|which|what)\b.{0,20}\b(?:workflows|automations|automation\s+rules)\b"),
        Anywhere(Intent.PauseWorkflow, 0.97, @"^(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:pause|suspend)\b" + NotMessagesToMe),
        Anywhere(Intent.PauseWorkflow, 0.95, @"\b(?:pause|suspend)\b.{0,40}\b(?:workflow|rule|automation)\b"),
        Anywhere(Intent.ResumeWorkflow, 0.97, @"^(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:resume|unpause|un-pause|reactivate)\b" + NotMessagesToMe),
        Anywhere(Intent.ResumeWorkflow, 0.95, @"\b(?:resume|unpause|un-pause|reactivate)\b.{0,40}\b(?:workflow|rule|automation)\b"),
        Anywhere(Intent.ReleaseHeldRuns, 0.97, @"^(?:(?:please|pls|can\s+you|could\s+you)\s+)?release\b"),
        Anywhere(Intent.ReleaseHeldRuns, 0.95, @"\brelease\b.{0,30}\bheld\b"),
        Anywhere(Intent.DiscardHeldRuns, 0.97, @"^(?:(?:please|pls|can\s+you|could\s+you)\s+)?discard\b(?!\s+(?:(?:my|the|this|that|an?)\s+)?(?:order|orders|cart|basket)\b(?!-)|\s+⟨_order⟩)"),
        Anywhere(Intent.DiscardHeldRuns, 0.95, @"\bdiscard\b.{0,30}\bheld\b"),
        Anywhere(Intent.ExplainMessage, 0.98, WhyReceived),

        // Help.
        Whole(Intent.Help, 0.95, @"help|help me|need help|i need help|\?+|what can you do|what can i do|what do you do|what can i ask|how does (?:this|it) work|how do i use (?:this|you|it)|how to use|commands|instructions|usage|i'?m (?:stuck|lost|confused)|i don'?t understand|info|about|what is this|who are you|what are you|guide|faq"),
        Anywhere(Intent.Help, 0.9, @"\bwhat\s+(?:can|do)\s+you\s+(?:do|help)\b|\bhow\s+(?:does|do)\s+(?:this|it|you)\s+work\b|\bwhat\s+can\s+i\s+(?:say|ask|type|do)\b"),
        Anywhere(Intent.Help, 0.45, @"\bhelp\b"),

        // Cancel (what is going on).
        Whole(Intent.Cancel, 0.95, @"cancel|cancel (?:it|that|this)|never ?mind|nvm|forget (?:it|about it|that)|quit|exit|abort|stop (?:it|that|this)|no thanks|no thank you|nothing|not now|dismiss"),
        Anywhere(Intent.Cancel, 0.75, @"\b(?:never\s*mind|forget\s+it)\b"),

        // Menu.
        Whole(Intent.Menu, 0.95, @"menu|main menu|the menu|(?:show|open|back to|go to|go back to)(?: me)?(?: the)? (?:main )?menu|start over|start again|restart|reset|home|options|show options|(?:go )?back to (?:the )?(?:start|beginning|top)|begin again|from the top|start|begin|go back|back"),
        Anywhere(Intent.Menu, 0.85, @"\b(?:main\s+menu|start\s+over|start\s+again|back\s+to\s+(?:the\s+)?(?:main\s+)?(?:menu|start|beginning))\b"),

        // Hi.
        Whole(Intent.Greeting, 0.95, @"(?:hi|hello|hey|hiya|howdy|yo|greetings|hallo|hola|ciao|bonjour|heya|sup|what'?s up|good (?:morning|afternoon|evening|day)|morning|evening|how are you|how are you doing|how'?s it going|nice to meet you)(?: (?:there|all|everyone|team|guys))?"),
        Anywhere(Intent.Greeting, 0.4, @"^(?:hi|hello|hey|good\s+(?:morning|afternoon|evening))\b"),
    ];
}
