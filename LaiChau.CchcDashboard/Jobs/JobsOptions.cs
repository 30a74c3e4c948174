using System.ComponentModel.DataAnnotations;

namespace LaiChau.CchcDashboard.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// The Hangfire job store with the SQLite provider: "SQLite" (a file beside the app's database).
    /// With Database:Provider=Postgres the store is always the app's own PostgreSQL database (schema
    /// "hangfire", shared by every instance) and this setting is not used. Tests swap in an in-memory store.
    /// </summary>
    [Required, RegularExpression("^(?i)sqlite$", ErrorMessage = "Jobs:Storage must be SQLite (in-memory storage is for tests only).")]
    public string Storage { get; set; } = "SQLite";

    /// <summary>The SQLite file of the job store, relative to the app folder.</summary>
    [Required]
    public string SqlitePath { get; set; } = "App_Data/hangfire.db";

    /// <summary>Runs the background server in this process. Off in tests, which call the jobs directly.</summary>
    public bool RunServer { get; set; } = true;

    [Range(1, 20)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often the server looks for queued jobs (a triggered pass starts within about this time).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:05:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
