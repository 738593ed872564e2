using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CrmBot.Language;

/// <summary>
/// The localized strings a turn rendered (which resource, which arguments), so that a question built from them can be
/// put again in another language after the user switches: each rendered string in it is rendered anew in that
/// language, and whatever else it holds (a product's name, an order number) stays as it was.
/// </summary>
public static class TranslatableText
{
    private static readonly AsyncLocal<Log?> Current = new();

    /// <summary>Records what localizers render from here on in this async flow (a turn) until disposed.</summary>
    public static IDisposable Record(IReadOnlyList<CultureInfo> cultures)
    {
        var previous = Current.Value;
        Current.Value = new Log(cultures);
        return new Restore(previous);
    }

    internal static void Add(IStringLocalizer localizer, LocalizedString rendered, object[] arguments)
    {
        if (Current.Value is { } log && !rendered.ResourceNotFound && rendered.Value.Length > 1)
        {
            log.Add(new Rendering(localizer, rendered.Name, arguments, rendered.Value));
        }
    }

    /// <summary>
    /// <paramref name="text"/> in each of the turn's other cultures, by culture name; empty when nothing was recorded.
    /// </summary>
    public static Dictionary<string, string> Translate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Current.Value is not { } log)
        {
            return [];
        }

        var used = log.Snapshot().Where(r => text.Contains(r.Value, StringComparison.Ordinal)).OrderByDescending(r => r.Value.Length).ToList();
        var translations = new Dictionary<string, string>();
        if (used.Count == 0)
        {
            return translations;
        }

        foreach (var culture in log.Cultures.Where(c => c.Name != CultureInfo.CurrentUICulture.Name))
        {
            using (new CultureScope(culture))
            {
                // Placeholders first, so that a translation is never itself searched for a shorter original.
                var translated = text;
                var renderedAnew = new List<string>(used.Count);
                for (var i = 0; i < used.Count; i++)
                {
                    translated = translated.Replace(used[i].Value, $"\u0001{i}\u0002", StringComparison.Ordinal);
                    renderedAnew.Add(used[i].Render());
                }

                for (var i = 0; i < used.Count; i++)
                {
                    translated = translated.Replace($"\u0001{i}\u0002", renderedAnew[i], StringComparison.Ordinal);
                }

                translations[culture.Name] = translated;
            }
        }

        return translations;
    }

    private sealed record Rendering(IStringLocalizer Localizer, string Name, object[] Arguments, string Value)
    {
        public string Render() => (Arguments.Length == 0 ? Localizer[Name] : Localizer[Name, Arguments]).Value;
    }

    private sealed class Log(IReadOnlyList<CultureInfo> cultures)
    {
        private readonly List<Rendering> _renderings = [];

        public IReadOnlyList<CultureInfo> Cultures => cultures;

        public void Add(Rendering rendering)
        {
            lock (_renderings)
            {
                _renderings.Add(rendering);
            }
        }

        public Rendering[] Snapshot()
        {
            lock (_renderings)
            {
                return [.. _renderings];
            }
        }
    }

    private sealed class Restore(Log? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
