using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace LaiChau.CchcDashboard.Common;

/// <summary>
/// Marks a rule method whose body also exists as an expression (a static field of the same type),
/// so that one definition serves .NET (the method, compiled from the expression) and SQL (the
/// expression, put in place of the call by <see cref="QueryInlining"/>), as LINQKit's Expandable does.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TranslatedByAttribute(string expressionField) : Attribute
{
    public string ExpressionField { get; } = expressionField;
}

public static class QueryInlining
{
    private static readonly ConcurrentDictionary<MethodInfo, LambdaExpression?> Rules = new();

    /// <summary>The query with every call to a <see cref="TranslatedByAttribute"/> method replaced by its expression.</summary>
    public static IQueryable<T> Inlined<T>(this IQueryable<T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Provider.CreateQuery<T>(Inliner.Instance.Visit(query.Expression));
    }

    /// <summary>The expression with every call to a <see cref="TranslatedByAttribute"/> method replaced by its expression.</summary>
    public static Expression<T> Inline<T>(Expression<T> expression) => (Expression<T>)Inliner.Instance.Visit(expression);

    private static LambdaExpression? RuleOf(MethodInfo method) => Rules.GetOrAdd(method, m =>
        m.GetCustomAttribute<TranslatedByAttribute>() is { } marker
            ? (LambdaExpression?)m.DeclaringType!.GetField(marker.ExpressionField, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
              ?? throw new InvalidOperationException($"{m.DeclaringType!.Name}.{marker.ExpressionField} is not a static expression field.")
            : null);

    private sealed class Inliner : ExpressionVisitor
    {
        public static readonly Inliner Instance = new();

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Object is null && RuleOf(node.Method) is { } rule)
            {
                var arguments = node.Arguments.Select(Visit).ToList();
                var body = new Substitution(rule.Parameters, arguments!).Visit(rule.Body);
                return Visit(body);
            }
            return base.VisitMethodCall(node);
        }
    }

    private sealed class Substitution(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node)
                {
                    return arguments[i];
                }
            }
            return node;
        }
    }
}
