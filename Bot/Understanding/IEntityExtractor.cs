namespace CrmBot.Understanding;

/// <summary>One kind of entity. Extractors run in a fixed order, the most specific first, each on what the earlier ones left.</summary>
internal interface IEntityExtractor
{
    void Extract(EntityDraft draft);
}
