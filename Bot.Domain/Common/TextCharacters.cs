namespace CrmBot.Domain.Common;

/// <summary>Characters that are not text, whatever a user or a channel sends.</summary>
public static class TextCharacters
{
    /// <summary>Code points Unicode keeps out of text (U+FDD0..U+FDEF, U+FFFE, U+FFFF); normalising U+FFFE throws.</summary>
    public static bool IsNoncharacter(char c) => c is >= '\ufdd0' and <= '\ufdef' or '\ufffe' or '\uffff';
}
