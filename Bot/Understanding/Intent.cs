namespace CrmBot.Understanding;

/// <summary>What a user wants, as the recogniser reads it. The names are documented in the README ("What CrmBot understands").</summary>
public enum Intent
{
    /// <summary>Nothing certain: no rule matched, only weak ones did, or two intents were too close to call.</summary>
    None,

    TrackOrder,
    PlaceOrder,
    BrowseProducts,
    CancelOrder,
    UpdateContact,
    OptOut,
    OptIn,

    /// <summary>Talk to a person.</summary>
    Human,

    FindCustomer,

    /// <summary>Everything stored about a customer, as a JSON file (reps only).</summary>
    ExportCustomerData,

    /// <summary>Erase a customer's personal data, after a confirmation (reps only).</summary>
    EraseCustomerData,

    ScoreCustomer,
    CallPlan,

    /// <summary>The shop's numbers (reps): orders, revenue, customers over a period.</summary>
    Stats,

    /// <summary>Revenue over a period (reps), e.g. "revenue this quarter".</summary>
    Revenue,

    /// <summary>The customers who brought the most revenue (reps).</summary>
    TopCustomers,
    RecordPayment,
    ShipOrder,
    DeliverOrder,
    RefundOrder,
    LogInteraction,
    SetReminder,
    ListReminders,

    /// <summary>Mark one of one's open reminders done, by its number in the list ("done 2").</summary>
    CompleteReminder,

    CancelReminder,

    /// <summary>The sales workflow rules with their state and recent runs (reps).</summary>
    ListWorkflows,

    /// <summary>Stop a workflow from starting runs, and its pending runs from going out, until it is resumed (reps).</summary>
    PauseWorkflow,

    ResumeWorkflow,

    /// <summary>Let the runs of a workflow that the mass-send guard held go out, after a confirmation (reps).</summary>
    ReleaseHeldRuns,

    /// <summary>Drop the runs of a workflow that the mass-send guard held (reps).</summary>
    DiscardHeldRuns,

    /// <summary>Why a customer got a message: the workflow runs behind it, read from their log (reps).</summary>
    ExplainMessage,

    Help,

    /// <summary>Stop what is going on (an interruption), not cancelling an order.</summary>
    Cancel,

    Menu,
    Greeting,
}
