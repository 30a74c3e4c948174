namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// Which of a component's overlapping reads is the newest. A page reads again when the user switches
/// plan, pages or filters and when someone else's change arrives; where reads are truly asynchronous
/// (PostgreSQL) an older read can finish after a newer one and would put back what the user just left.
/// Each read takes a ticket when it starts and keeps its result only if no read started after it.
/// Used on the component's renderer thread only, like the component's other fields.
/// </summary>
public sealed class LatestRead
{
    private int _started;

    public int Start() => ++_started;

    public bool IsLatest(int ticket) => ticket == _started;
}
