using Microsoft.Extensions.Localization;

namespace CrmBot.Language;

/// <summary>Localizers over .resx (<paramref name="resources"/>) whose strings <see cref="TranslatableText"/> records.</summary>
public sealed class TranslatableStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new Localizer(resources.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new Localizer(resources.Create(baseName, location));

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
