using System.Diagnostics;
using System.Globalization;
using OpenQA.Selenium;
using RoezanGhl.Core.Automations;
using RoezanGhl.Engine.Console;
using RoezanGhl.Functions.Console;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.Functions.Tests.Console;

/// <summary>
/// The Presets and SMS templates screen in real headless Chromium (served as <see cref="ConsoleBrowserTests"/> serves
/// the console, against Azurite and the GHL simulator): switch the welcome text on by keyboard, edit it and see the
/// live preview's segment count change, save a new version, then see an invalid template refused next to its text;
/// screenshots, axe-core and page weight of the screen, and the new user's steps and time printed.
/// </summary>
[IntegrationLane]
public sealed class ConsoleTemplatesBrowserTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string ConsoleKey = "console-key-for-tests-0004";
    private const int Wait = 60; // seconds: the build machine's two cores are shared
    private AppTestHost _app = null!;
    private ConsoleWebHost _web = null!;
    private HeadlessChromium _browser = null!;
    private readonly List<string> _figures = [];
    private readonly Stopwatch _clock = new();

    public async Task InitializeAsync()
    {
        _app = await AppTestHost.Create()
            .WithSetting("Console:Access", "Key")
            .WithSecret("console-key", ConsoleKey)
            .WithServices(services => services.AddConsoleFrontEnd())
            .StartAsync();
        _web = await ConsoleWebHost.StartAsync(_app);
        var folder = Environment.GetEnvironmentVariable("ROEZANGHL_CONSOLE_SCREENSHOTS") is { Length: > 0 } set
            ? set
            : Path.Combine(Path.GetTempPath(), "roezanghl-console-screens", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        _browser = new HeadlessChromium(folder);
    }

    public void Dispose() => _browser?.Dispose();

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _app.DisposeAsync();
    }

    private OpenQA.Selenium.Chrome.ChromeDriver Driver => _browser.Driver;

    private string Text(string id) => Driver.FindElement(By.Id(id)).Text;

    /// <summary>The element's text, or empty while the page is being replaced (a save reloads it; the old document's nodes go away under the driver).</summary>
    private string TextWhileLoading(string id)
    {
        try
        {
            return Driver.FindElements(By.Id(id)).FirstOrDefault()?.Text ?? string.Empty;
        }
        catch (WebDriverException)
        {
            return string.Empty;
        }
    }

    [Fact]
    public async Task A_user_switches_the_welcome_text_on_by_keyboard_edits_it_with_a_live_preview_saves_and_sees_an_invalid_template_refused()
    {
        output.WriteLine($"Screenshots: {_browser.ScreenshotFolder}");
        _clock.Start();
        var steps = 0;

        // 1-3: open the console, type the key, sign in.
        Driver.Navigate().GoToUrl(new Uri(_web.BaseUrl, "/api/console/").ToString());
        steps++;
        _browser.WaitFor(By.Id("key"), seconds: Wait).SendKeys(ConsoleKey);
        steps++;
        Driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        steps++;

        // 4: the screen; every row's preview is there at once (the welcome text: one GSM-7 segment).
        _browser.WaitFor(By.LinkText("Presets and SMS templates"), seconds: Wait).Click();
        steps++;
        var row = _browser.WaitFor(By.CssSelector($"article[data-template='{AutomationCatalog.WelcomeNewLead}']"), seconds: Wait).GetDomAttribute("data-row");
        var p = "auto-" + row;
        _browser.WaitUntil(() => Text(p + "-preview").Contains("Segments: 1 of at most 2", StringComparison.Ordinal), "the welcome text's preview", Wait);
        Assert.Contains("Hi Ana, thanks for reaching out!", Text(p + "-preview"), StringComparison.Ordinal);
        Assert.Contains("Encoding: GSM-7", Text(p + "-preview"), StringComparison.Ordinal);
        Examine("7-templates");

        // 5: switch it on with the keyboard (Space on the focused switch).
        var enabled = Driver.FindElement(By.Id(p + "-enabled"));
        Assert.False(enabled.Selected);
        enabled.SendKeys(Keys.Space);
        steps++;
        Assert.True(enabled.Selected);

        // 6: edit the text; the preview follows as it is typed: two segments, then one, UCS-2 for a curly apostrophe.
        var message = Driver.FindElement(By.Id(p + "-message"));
        message.SendKeys(Keys.Control + "a");
        message.SendKeys("Hi {{ contact.firstName }}, welcome! " + new string('.', 130) + " Reply STOP to opt out.");
        steps++;
        _browser.WaitUntil(() => Text(p + "-preview").Contains("Segments: 2 of at most 2", StringComparison.Ordinal), "the preview to count two segments", Wait);
        message.SendKeys(Keys.Control + "a");
        message.SendKeys("Hi {{ contact.firstName }}, you’re in! Reply STOP to opt out.");
        _browser.WaitUntil(() => Text(p + "-preview").Contains("Encoding: UCS-2", StringComparison.Ordinal), "the preview to switch to UCS-2", Wait);
        Assert.Contains("Segments: 1 of at most 2", Text(p + "-preview"), StringComparison.Ordinal);
        Assert.Contains("Hi Ana, you’re in!", Text(p + "-preview"), StringComparison.Ordinal);
        Examine("8-templates-edited");

        // 7: save; the page comes back with the new version, the welcome text on.
        Driver.FindElement(By.Id("save")).Click();
        steps++;
        _browser.WaitUntil(() => TextWhileLoading("save-result").StartsWith("Saved: version 1", StringComparison.Ordinal), "the save to be confirmed", Wait);
        _clock.Stop();
        _figures.Add($"new user, opened the console → SMS template switched on, edited and saved: {steps} steps, {_clock.Elapsed.TotalSeconds:F1} s (axe and screenshots not included)");
        var saved = (await _app.Get<AccountConfigurations>().GetAsync(AppTestHost.AccountId, CancellationToken.None)).Configuration.Mapping.Automations;
        var entry = Assert.Single(saved);
        Assert.Equal((AutomationCatalog.WelcomeNewLead, true, "Hi {{ contact.firstName }}, you’re in! Reply STOP to opt out."), (entry!.Template, entry.Enabled, entry.Message));

        // An unknown placeholder: the preview says so, and the save is refused with the message next to the text.
        row = _browser.WaitFor(By.CssSelector($"article[data-template='{AutomationCatalog.WelcomeNewLead}']"), seconds: Wait).GetDomAttribute("data-row");
        p = "auto-" + row;
        Assert.True(Driver.FindElement(By.Id(p + "-enabled")).Selected);
        message = Driver.FindElement(By.Id(p + "-message"));
        message.SendKeys(Keys.Control + "a");
        message.SendKeys("Hi {{ contact.nickname }}! Reply STOP to opt out.");
        _browser.WaitUntil(() => Text(p + "-preview").StartsWith("Cannot preview", StringComparison.Ordinal), "the preview to show the problem", Wait);
        Driver.FindElement(By.Id("save")).Click();
        _browser.WaitUntil(() => Text("save-result").StartsWith("Not saved", StringComparison.Ordinal), "the invalid template to be refused", Wait);
        Assert.Contains("contact.nickname", Text($"problem-Automations-{row}-message"), StringComparison.Ordinal);
        Assert.Equal(1, (await _app.Get<AccountConfigurations>().GetAsync(AppTestHost.AccountId, CancellationToken.None)).Version);
        Driver.ExecuteScript("arguments[0].scrollIntoView({ block: 'center' });", message);
        Examine("9-templates-refused");

        var report = string.Join(Environment.NewLine, _figures);
        await File.WriteAllTextAsync(Path.Combine(_browser.ScreenshotFolder, "figures-templates.txt"), report);
        output.WriteLine(report);
    }

    private void Examine(string name) => _browser.Examine(name, _clock, _figures);
}
