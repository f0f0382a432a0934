using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

// Tasks, notes and appointments of a contact.
public sealed partial class SimulatorState
{
    public SimResponse ListChildren(string? tokenLocation, string contactId, ChildKind kind)
    {
        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (location, _) =>
                SimResponse.Ok(new JsonObject { [kind.ListProperty()] = new JsonArray([.. Children(location, kind, contactId).Select(child => child.DeepClone())]) }));
        }
    }

    public SimResponse GetChild(string? tokenLocation, string contactId, string childId, ChildKind kind)
    {
        lock (_gate)
        {
            return WithChild(tokenLocation, contactId, childId, kind, child => SimResponse.Ok(new JsonObject { [kind.ItemProperty()] = child.DeepClone() }));
        }
    }

    public SimResponse CreateTask(string? tokenLocation, string contactId, JsonObject body)
    {
        var invalid = Validate(body, SimulatorFields.Task, ["title", "dueDate", "completed"]) ?? ValidateDate(body);
        if (invalid is not null)
        {
            return invalid;
        }

        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (location, _) =>
            {
                var task = new JsonObject { ["id"] = NewId(), ["contactId"] = contactId, ["completed"] = false };
                Merge(task, body);
                Children(location, ChildKind.Task, contactId).Add(task);
                return GhostOr(SimResponse.Created(new JsonObject { ["task"] = task.DeepClone() }));
            });
        }
    }

    public SimResponse UpdateTask(string? tokenLocation, string contactId, string taskId, JsonObject body, bool onlyCompleted)
    {
        var invalid = onlyCompleted
            ? Validate(body, ["completed"], ["completed"])
            : Validate(body, SimulatorFields.Task, []) ?? ValidateDate(body);
        if (invalid is not null)
        {
            return invalid;
        }

        lock (_gate)
        {
            return WithChild(tokenLocation, contactId, taskId, ChildKind.Task, task =>
            {
                Merge(task, body);
                return SimResponse.Ok(new JsonObject { ["task"] = task.DeepClone() });
            });
        }
    }

    public SimResponse DeleteTask(string? tokenLocation, string contactId, string taskId)
    {
        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (location, _) =>
            {
                var removed = Children(location, ChildKind.Task, contactId).RemoveAll(task => Text(task, "id") == taskId);
                return removed == 0 ? SimResponse.Error(404, "Task not found") : SimResponse.Ok(new JsonObject { ["succeded"] = true });
            });
        }
    }

    public SimResponse CreateNote(string? tokenLocation, string contactId, JsonObject body)
    {
        var invalid = Validate(body, SimulatorFields.Note, ["body"]);
        if (invalid is not null)
        {
            return invalid;
        }

        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (location, _) =>
            {
                var note = new JsonObject { ["id"] = NewId(), ["contactId"] = contactId, ["dateAdded"] = Now() };
                Merge(note, body);
                Children(location, ChildKind.Note, contactId).Add(note);
                return GhostOr(SimResponse.Created(new JsonObject { ["note"] = note.DeepClone() }));
            });
        }
    }
}
