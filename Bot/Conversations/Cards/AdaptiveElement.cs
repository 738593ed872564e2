using System.Text.Json.Serialization;

namespace CrmBot.Conversations.Cards;

/// <summary>An element of an <see cref="AdaptiveCard"/>'s body; its JSON names the element in "type".</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
public abstract record AdaptiveElement
{
    /// <summary>Puts a line above the element, to start a new section.</summary>
    public bool? Separator { get; init; }
}
