using Microsoft.Extensions.Options;
using RoezanGhl.Cli.Hosting;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Cli.Tests;

[IntegrationLane]
public sealed class SettingsTests : IAsyncLifetime
{
    private CliRig _rig = null!;

    public async Task InitializeAsync() => _rig = await CliRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private static SyncOptions SyncOf(CliServices services) => services.Get<IOptions<SyncOptions>>().Value;

    [Fact]
    public async Task The_local_settings_in_a_parent_folder_are_found()
    {
        var below = Directory.CreateDirectory(Path.Combine(_rig.Folder, "a", "b")).FullName;

        var configuration = CliServices.BuildConfiguration(_rig.Context(below), null, out var file);

        Assert.Equal(_rig.SettingsPath, file);
        Assert.Equal(_rig.Values["Sync__TablePrefix"], configuration["Sync:TablePrefix"]);
        await Task.CompletedTask;
    }

    [Fact]
    public void The_local_settings_next_to_the_function_project_are_found_from_the_repository_root()
    {
        var root = Directory.CreateDirectory(Path.Combine(_rig.Folder, "repo")).FullName;
        var project = Directory.CreateDirectory(Path.Combine(root, "src", "RoezanGhl.Functions")).FullName;
        _rig.WriteSettings(Path.Combine(project, "local.settings.json"));

        CliServices.BuildConfiguration(_rig.Context(root), null, out var file);

        Assert.Equal(Path.Combine(project, "local.settings.json"), file);
    }

    [Fact]
    public async Task Environment_variables_override_the_file_as_they_do_for_the_app()
    {
        _rig.Environment["Sync__TablePrefix"] = "TFromEnvironment";
        await using var services = _rig.Services();

        Assert.Equal("TFromEnvironment", SyncOf(services).TablePrefix);
        Assert.Equal(_rig.Values["Sync__EventsQueue"], SyncOf(services).EventsQueue);
    }

    [Fact]
    public async Task The_settings_option_names_the_file_to_read()
    {
        var elsewhere = Path.Combine(_rig.Folder, "other.settings.json");
        var prefix = _rig.Values["Sync__TablePrefix"];
        _rig.Values["Sync__TablePrefix"] = "TOtherFile";
        _rig.WriteSettings(elsewhere);
        _rig.Values["Sync__TablePrefix"] = prefix;

        var configuration = CliServices.BuildConfiguration(_rig.Context(), elsewhere, out var file);

        Assert.Equal(elsewhere, file);
        Assert.Equal("TOtherFile", configuration["Sync:TablePrefix"]);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_settings_file_that_is_not_json_is_one_clear_line()
    {
        await File.WriteAllTextAsync(_rig.SettingsPath, "{ \"Values\": { oops ");

        var result = await _rig.RunAsync("events");

        Assert.Equal(1, result.Exit);
        Assert.Contains("is not valid JSON", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_is_named_before_anything_runs()
    {
        _rig.Environment["Sync__TablePrefix"] = "1-not-a-table";

        var result = await _rig.RunAsync("events");

        Assert.Equal(1, result.Exit);
        Assert.Contains("Sync:TablePrefix", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_reads_the_ledger_the_app_writes_with_the_same_table_names()
    {
        await using var services = _rig.Services();
        Assert.Equal(_rig.Names.EventsTable, services.Get<EventLedger>().TableName);
    }
}
