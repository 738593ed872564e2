using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace CrmBot.Channels;

/// <summary>
/// A connector client shared by many turns: CloudAdapter disposes the client of each turn when the turn ends, and
/// this one outlives them (<see cref="ConnectorClientCache"/>). Bot Framework's TeamsInfo, which reuses the HttpClient
/// of a ConnectorClient it is given, builds a client of its own from this one's base URI and credentials.
/// </summary>
internal sealed class KeptConnectorClient(IConnectorClient client) : IConnectorClient
{
    public Uri BaseUri
    {
        get => client.BaseUri;
        set => client.BaseUri = value;
    }

    public JsonSerializerSettings SerializationSettings => client.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;

    public ServiceClientCredentials Credentials => client.Credentials;

    public IAttachments Attachments => client.Attachments;

    public IConversations Conversations => client.Conversations;

    public void Dispose()
    {
    }
}
