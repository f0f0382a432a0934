using System.Diagnostics;
using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using RoezanGhl.Functions.Console;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.Functions.Tests.Console;

/// <summary>
/// The console in real headless Chromium, served by the app's function classes against Azurite and the GHL
/// simulator: sign in with the console key, connect fields by drag and drop and by keyboard, set a two-way field's
/// direction by keyboard, see the preview change,
/// save, see the next event use the new mapping, see an invalid mapping refused, replay a failed event and see it
/// applied; screenshots and an axe-core check of every screen, page weights and the new-user figures printed.
/// </summary>
[IntegrationLane]
public sealed class ConsoleBrowserTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string ConsoleKey = "console-key-for-tests-0001";
    private AppTestHost _app = null!;
    private ConsoleWebHost _web = null!;
    private HeadlessChromium _browser = null!;
    private readonly List<string> _figures = [];
    private string _planField = null!;

    // The new user's time: the checks this test adds (axe, screenshots, the go-live check) are kept out of it.
    private readonly Stopwatch _clock = new();

    public async Task InitializeAsync()
    {
        _app = await AppTestHost.Create()
            .WithSetting("Console:Access", "Key")
            .WithSecret("console-key", ConsoleKey)
            .WithPump(retryVisibility: TimeSpan.FromMilliseconds(200))
            .WithServices(services => services.AddConsoleFrontEnd()) // as Program.cs adds it
            .StartAsync();
        _planField = _app.Simulator.State.CustomFields.Add(AppTestHost.LocationId, "Plan", "contact.plan");
        _web = await ConsoleWebHost.StartAsync(_app);
        var folder = Environment.GetEnvironmentVariable("ROEZANGHL_CONSOLE_SCREENSHOTS") is { Length: > 0 } set
            ? set
            : Path.Combine(Path.GetTempPath(), "roezanghl-console-screens", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        _browser = new HeadlessChromium(folder);
    }

    public void Dispose() => _browser?.Dispose();

    // The browser goes in Dispose, which xUnit calls after DisposeAsync.
    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static string ContactCreated(string id, string phone) => $$$$"""
        {"id":"{{{{id}}}}","type":"contact.created","occurredAt":"2026-11-24T09:00:00Z",
         "data":{"contact":{"id":"c_{{{{id}}}}","firstName":"Bo","lastName":"Tester","phone":"{{{{phone}}}}","tags":["lead"],"customFields":{"plan":"gold"}} }}
        """;

    private OpenQA.Selenium.Chrome.ChromeDriver Driver => _browser.Driver;

    private string PlanText() => Driver.FindElement(By.Id("plan")).Text;

    private string Url(string path) => new Uri(_web.BaseUrl, "/api/console/" + path).ToString();

    [Fact]
    public async Task A_new_user_signs_in_maps_fields_by_drag_and_drop_and_keyboard_saves_and_replays_a_failed_event()
    {
        output.WriteLine($"Screenshots: {_browser.ScreenshotFolder}");
        var clock = _clock;
        clock.Start();
        var steps = 0;

        // 1-3: open the console, type the key, sign in.
        Driver.Navigate().GoToUrl(Url(string.Empty));
        steps++;
        _browser.WaitFor(By.Id("key")).SendKeys(ConsoleKey);
        steps++;
        Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        steps++;
        _browser.WaitFor(By.CssSelector("table caption"));
        Assert.Contains("loc-acme", Driver.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Examine("1-accounts");

        // The go-live check runs from its button, its steps listed as they finish (not counted as a new user's step).
        clock.Stop();
        Driver.FindElement(By.CssSelector("button.check")).Click();
        _browser.WaitUntil(() => Driver.FindElements(By.CssSelector("#steps-acme li")).Count == 6, "the six go-live check steps");
        Assert.All(Driver.FindElements(By.CssSelector("#steps-acme li")), step => Assert.StartsWith("pass: ", step.Text, StringComparison.Ordinal));
        Assert.Empty(_app.Simulator.State.ContactsOf(AppTestHost.LocationId));
        Examine("1-accounts-checked");
        clock.Start();

        // 4: the Field mapping screen; the preview of the sample event is there at once.
        Driver.FindElement(By.LinkText("Field mapping")).Click();
        steps++;
        var plan = _browser.WaitFor(By.Id("plan"), element => element.Text.Contains("\"lastName\"", StringComparison.Ordinal));
        Assert.DoesNotContain("\"companyName\"", plan.Text, StringComparison.Ordinal);
        Examine("2-mapping");

        // 5: drag Roezan lastName onto GHL companyName; the preview follows.
        var source = Driver.FindElement(By.CssSelector("#roezan-fields li[data-field='std:lastName']"));
        var target = Driver.FindElement(By.CssSelector("#ghl-fields .slot[data-target='std:companyName']"));
        Driver.ExecuteScript("document.getElementById('fields-title').scrollIntoView({ block: 'start' });");

        // SortableJS (fallback mode) checks what is under the pointer every 50 ms: the pointer rests on the target before release, as a hand does.
        new Actions(Driver).MoveToElement(source).ClickAndHold().Pause(TimeSpan.FromMilliseconds(100)).MoveByOffset(10, 10).Pause(TimeSpan.FromMilliseconds(100))
            .MoveToElement(target).Pause(TimeSpan.FromMilliseconds(200)).MoveByOffset(2, 2).Pause(TimeSpan.FromMilliseconds(200)).Release().Perform();
        steps++;
        _browser.WaitUntil(() => PlanText().Contains("\"companyName\"", StringComparison.Ordinal), "the preview to send lastName as companyName");
        Assert.DoesNotContain("\"lastName\"", PlanText(), StringComparison.Ordinal);

        // The keyboard path is this test's coverage, not the new user's path: off the clock.
        clock.Stop();

        // By keyboard only: choose firstName, then GHL website, then Connect.
        Driver.FindElement(By.Id("pick-roezan")).SendKeys("firstName");
        Driver.FindElement(By.Id("pick-ghl")).SendKeys("website");
        Assert.Equal(("std:firstName", "std:website"), (Driver.FindElement(By.Id("pick-roezan")).GetDomProperty("value"), Driver.FindElement(By.Id("pick-ghl")).GetDomProperty("value")));
        Driver.FindElement(By.Id("connect")).SendKeys(Keys.Enter);
        _browser.WaitUntil(() => PlanText().Contains("\"website\"", StringComparison.Ordinal), "the preview to send firstName as website");
        Assert.DoesNotContain("\"firstName\"", PlanText(), StringComparison.Ordinal);

        // A Roezan custom field to the location's custom field, read live from GHL, by keyboard.
        Driver.FindElement(By.Id("new-custom")).SendKeys("plan");
        Driver.FindElement(By.Id("add-custom")).SendKeys(Keys.Enter);
        Driver.FindElement(By.Id("pick-roezan")).SendKeys("plan");
        Driver.FindElement(By.Id("pick-ghl")).SendKeys("Plan");
        Assert.Equal(("custom:plan", "cid:" + _planField), (Driver.FindElement(By.Id("pick-roezan")).GetDomProperty("value"), Driver.FindElement(By.Id("pick-ghl")).GetDomProperty("value")));
        Driver.FindElement(By.Id("connect")).SendKeys(Keys.Enter);
        _browser.WaitUntil(() => PlanText().Contains(_planField, StringComparison.Ordinal), "the preview to send plan to the GHL custom field");

        // Two-way directions by keyboard: tags flow only GHL → Roezan from now on, so the next event's tag stays out of GHL.
        var tagsDirection = Driver.FindElement(By.Id("direction-tags"));
        tagsDirection.SendKeys("GHL");
        Assert.Equal("ghl-to-roezan", tagsDirection.GetDomProperty("value"));
        Examine("3-mapping-connected");

        clock.Start();

        // 6: save; the version is stored and in force for the next event.
        Driver.FindElement(By.Id("save")).Click();
        steps++;
        _browser.WaitUntil(() => Driver.FindElement(By.Id("save-result")).Text.StartsWith("Saved: version 1", StringComparison.Ordinal), "the save to be confirmed");
        await _app.PostAllAsync([ContactCreated("evt_first", "(201) 555-0120")]);
        await _app.DrainAsync();
        var contact = Assert.Single(_app.Simulator.State.ContactsOf(AppTestHost.LocationId));
        Assert.Equal(("Bo", "Tester"), ((string?)contact["website"], (string?)contact["companyName"]));
        Assert.Null(contact["firstName"]);
        Assert.DoesNotContain("lead", contact["tags"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains(contact["customFields"]!.AsArray(), field => (string?)field!["id"] == _planField && field["value"]!.ToJsonString().Contains("gold", StringComparison.Ordinal));

        // 7: Run history shows the first event applied.
        Driver.FindElement(By.LinkText("Run history")).Click();
        steps++;
        _browser.WaitFor(By.XPath("//tr[th[text()='evt_first']]/td[contains(@class,'status-applied')]"));
        clock.Stop();
        _figures.Add($"new user, opened the console → first event applied: {steps} steps, {clock.Elapsed.TotalSeconds:F1} s (the app processing the event included; axe, screenshots and the go-live check not)");
        Examine("4-history");

        // An invalid mapping is refused, with the start validator's message next to the field.
        Driver.FindElement(By.LinkText("Field mapping")).Click();
        var prefix = _browser.WaitFor(By.Id("tagPrefix"));
        _browser.WaitUntil(() => Driver.FindElement(By.Id("direction-tags")).GetDomProperty("value") == "ghl-to-roezan", "the saved direction to be shown");
        prefix.SendKeys("a,b");
        Driver.FindElement(By.Id("save")).Click();
        _browser.WaitUntil(() => Driver.FindElement(By.Id("save-result")).Text.StartsWith("Not saved", StringComparison.Ordinal), "the invalid mapping to be refused");
        Assert.Contains("comma", Driver.FindElement(By.Id("problem-Mapping-tagPrefix")).Text, StringComparison.Ordinal);
        Examine("5-mapping-refused");

        // A failed event (GHL down for all its tries) is replayed from the history and applied.
        _app.Simulator.Settings = _app.Simulator.Settings with { ServerErrorBurst = 1_000 };
        await _app.PostAllAsync([ContactCreated("evt_failed", "(201) 555-0121")]);
        await _app.DrainAsync();
        Assert.Equal(EventLedgerStatus.Failed, (await _app.ReadLedgerAsync("evt_failed")).Status);
        _app.Simulator.Settings = _app.Simulator.Settings with { ServerErrorBurst = 0 };
        Driver.Navigate().GoToUrl(Url("history"));
        _browser.WaitFor(By.CssSelector("button[aria-label='Replay evt_failed']")).Click();
        _browser.WaitUntil(() => Driver.FindElement(By.Id("detail")).Text.Contains("back on the events queue", StringComparison.Ordinal), "the replay to be confirmed");
        await _app.DrainAsync();
        Assert.Equal(EventLedgerStatus.Applied, (await _app.ReadLedgerAsync("evt_failed")).Status);
        Driver.Navigate().Refresh();
        _browser.WaitFor(By.XPath("//tr[th[text()='evt_failed']]/td[contains(@class,'status-applied')]"));
        _browser.WaitFor(By.CssSelector("button[aria-label='Details of evt_failed']")).Click();
        _browser.WaitUntil(() => Driver.FindElement(By.Id("detail")).Text.Contains("GHL trace id", StringComparison.Ordinal), "the event's details");
        Examine("6-history-replayed");

        var report = string.Join(Environment.NewLine, _figures);
        await File.WriteAllTextAsync(Path.Combine(_browser.ScreenshotFolder, "figures.txt"), report);
        output.WriteLine(report);
    }

    private void Examine(string name) => _browser.Examine(name, _clock, _figures);
}
