namespace CrmBot.Domain.Interactions;

public enum InteractionKind
{
    Call,
    Chat,
    Email,
    Note,
}
