using CrmBot.Domain.Interactions;
using CrmBot.Domain.Reminders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBot.Api;

/// <summary>/api/v1/customers/{customerId}/reminders and /interactions: what reps keep about a customer.</summary>
public static class CustomerRecordsApi
{
    public static IEndpointRouteBuilder MapCustomerRecordsApi(this IEndpointRouteBuilder api)
    {
        var reminders = api.MapGroup("/customers/{customerId:guid}/reminders").WithTags("Reminders");
        reminders.MapGet("/", ListRemindersAsync)
            .WithName("ListCustomerReminders")
            .WithSummary("The reminders about a customer, open or not, soonest due first.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.ReadPolicy);
        reminders.MapPost("/", CreateReminderAsync)
            .WithName("CreateCustomerReminder")
            .WithSummary("Sets a reminder about the customer for a rep, delivered to the rep at its due time.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.WritePolicy);

        var interactions = api.MapGroup("/customers/{customerId:guid}/interactions").WithTags("Interactions");
        interactions.MapGet("/", ListInteractionsAsync)
            .WithName("ListCustomerInteractions")
            .WithSummary("The customer's calls, chats, emails and notes, latest first.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.ReadPolicy);
        interactions.MapPost("/", CreateInteractionAsync)
            .WithName("CreateCustomerInteraction")
            .WithSummary("Records a contact with the customer, now.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiScopes.WritePolicy);

        return api;
    }

    public static async Task<Ok<PagedList<ReminderDetails>>> ListRemindersAsync(
        Guid customerId, ReminderService reminders, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        TypedResults.Ok(PagedList.Of(await reminders.ListForCustomerAsync(customerId, page, pageSize, ct), ReminderDetails.Of));

    public static async Task<Created<ReminderDetails>> CreateReminderAsync(
        Guid customerId, ReminderRequest request, ReminderService reminders, CancellationToken ct)
    {
        var reminder = await reminders.SetForCustomerAsync(customerId, request.RepId!.Value, request.Text!, request.DueAt!.Value, ct);
        return TypedResults.Created($"{ApiExtensions.Prefix}/customers/{customerId}/reminders", ReminderDetails.Of(reminder));
    }

    public static async Task<Ok<PagedList<InteractionDetails>>> ListInteractionsAsync(
        Guid customerId, InteractionService interactions, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        TypedResults.Ok(PagedList.Of(await interactions.ListForCustomerAsync(customerId, page, pageSize, ct), InteractionDetails.Of));

    public static async Task<Created<InteractionDetails>> CreateInteractionAsync(
        Guid customerId, InteractionRequest request, InteractionService interactions, CancellationToken ct)
    {
        var interaction = await interactions.RecordAsync(customerId, request.RepId, request.Kind!.Value, request.Outcome, request.Notes, ct);
        return TypedResults.Created($"{ApiExtensions.Prefix}/customers/{customerId}/interactions", InteractionDetails.Of(interaction));
    }
}
