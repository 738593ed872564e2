using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;

namespace CrmBot.Language;

/// <summary>Localizers over .resx (<paramref name="resources"/>) whose strings <see cref="TranslatableText"/> records.</summary>
public sealed class TranslatableStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    // Every dialog built for a turn asks for its localizer; the localizers hold no state of a turn or a culture.
    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> _byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _byType.GetOrAdd(resourceSource, static (type, resources) => new Localizer(resources.Create(type)), resources);

    public IStringLocalizer Create(string baseName, string location) =>
        _byName.GetOrAdd((baseName, location), static (name, resources) => new Localizer(resources.Create(name.BaseName, name.Location)), resources);

    private sealed class Localizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Recorded(inner[name], []);

        public LocalizedString this[string name, params object[] arguments] => Recorded(inner[name, arguments], arguments);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Recorded(LocalizedString rendered, object[] arguments)
        {
            TranslatableText.Add(inner, rendered, arguments);
            return rendered;
        }
    }
}
