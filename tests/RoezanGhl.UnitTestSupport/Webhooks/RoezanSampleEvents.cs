namespace RoezanGhl.TestSupport.Webhooks;

/// <summary>Valid webhook bodies of every event type, as Roezan would send them (obviously fake people and numbers).</summary>
public static class RoezanSampleEvents
{
    public const string AccountId = "acme";

    /// <summary>A ~1 KB contact.updated: names with spaces to trim, a US number to normalize, tags to clean up.</summary>
    public static string ContactUpdated(string id = "evt_contact_1", string occurredAt = "2026-11-24T10:00:00Z") => $$"""
        {
          "id": "{{id}}",
          "type": "contact.updated",
          "occurredAt": "{{occurredAt}}",
          "accountId": "{{AccountId}}",
          "data": {
            "contact": {
              "id": "c_1001",
              "firstName": "  Ana María ",
              "lastName": "Díaz-Ortega ",
              "phone": "(201) 555-0123",
              "email": "  Ana.Diaz@Example.COM ",
              "tags": ["vip", " VIP ", "", "newsletter", "spring-2026 promo", "sms-opt-in"],
              "customFields": {
                "plan": "gold",
                "seats": 12,
                "trial": false,
                "source": "landing page: spring sale",
                "preferredContactTime": "afternoons after 3 pm",
                "accountManager": "Jordan Lee",
                "renewalMonth": "March",
                "lastCampaign": "black-friday-2026-sms"
              },
              "note": "Asked about upgrading to the annual plan; prefers SMS over email. Call back next week about the invoice question. Mentioned a second location opening in the spring."
            }
          },
          "meta": { "deliveryAttempt": 1, "roezanVersion": "2026-01" }
        }
        """;

    public static string ContactCreated(string id = "evt_contact_created_1") => $$$$"""
        {"id":"{{{{id}}}}","type":"contact.created","occurredAt":"2026-11-24T09:00:00Z",
         "data":{"contact":{"id":"c_2002","firstName":"Bo","phone":"+44 20 7946 0018","tags":["lead"]}}}
        """;

    public static string MessageReceived(string id = "evt_message_1") => $$$$"""
        {"id":"{{{{id}}}}","type":"message.received","occurredAt":"2026-11-24T10:05:00Z",
         "data":{"message":{"id":"m_1","from":"(201) 555-0123","fromName":"Ana","body":"Call me tomorrow at 3","receivedAt":"2026-11-24T10:04:59Z"}}}
        """;

    public static string TaskCreated(string id = "evt_task_1") => $$$$"""
        {"id":"{{{{id}}}}","type":"task.created","occurredAt":"2026-11-24T10:06:00Z",
         "data":{"task":{"id":"t_1","contactId":"c_1001","title":"Call Ana back","body":"About the invoice","dueDate":"2026-11-25T15:00:00-05:00","completed":false}}}
        """;

    public static string TaskCompleted(string id = "evt_task_done_1") => $$$$"""
        {"id":"{{{{id}}}}","type":"task.completed","occurredAt":"2026-11-25T16:00:00Z",
         "data":{"task":{"id":"t_1","contactId":"c_1001","completed":true}}}
        """;

    public static string NoteCreated(string id = "evt_note_1") => $$$$"""
        {"id":"{{{{id}}}}","type":"note.created","occurredAt":"2026-11-24T10:07:00Z",
         "data":{"note":{"id":"n_1","contactId":"c_1001","body":"Prefers afternoons."}}}
        """;

    public static IEnumerable<string> All()
    {
        yield return ContactUpdated();
        yield return ContactCreated();
        yield return MessageReceived();
        yield return TaskCreated();
        yield return TaskCompleted();
        yield return NoteCreated();
    }
}
