using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using FactGen.Analyzers.UserCode;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace FactGen.CodeFixes;

/// <summary>
/// FG1002: replaces a string id that names an existing fact with the typed member.
/// <list type="bullet">
/// <item><c>Officials.Find("he-lifeng")</c> → <c>Officials.HeLifeng</c> (any expression context: the member has the
/// same value, never null).</item>
/// <item><c>Officials.TryGet("he-lifeng", out var x);</c> as a statement → <c>var x = Officials.HeLifeng;</c>; with an
/// existing variable, field or element → <c>target = Officials.HeLifeng;</c>.</item>
/// <item>The guard <c>if (!Officials.TryGet("he-lifeng", out var x)) …</c> without <c>else</c> → <c>var x = Officials.HeLifeng;</c>:
/// TryGet of an existing id always succeeds, so the guarded branch never runs; an <c>out var</c> declared in an
/// <c>if</c> condition is scoped to the enclosing block, as the new declaration is.</item>
/// <item>A string compared with a fact's <c>Id</c> → the <c>Ids</c> constant (<c>Officials.Ids.HeLifeng</c>).</item>
/// </list>
/// No fix is offered where dropping the call would change what the code says (TryGet as a value, in a positive
/// <c>if</c>, with an <c>else</c>, or in an embedded statement where a declaration is not allowed); the diagnostic
/// still tells which member to use. Fix All (document, project, solution) uses the batch fixer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseTypedMemberCodeFix))]
[Shared]
public sealed class UseTypedMemberCodeFix : CodeFixProvider
{
    /// <summary>Shared by every FG1002 fix so Fix All takes them together.</summary>
    public const string EquivalenceKey = "FactGen.FG1002.UseTypedMember";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UserCodeIds.UseTypedMember);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        SemanticModel? model = null;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UserCodeIds.Properties.Mode, out string? mode) || mode is null) continue;
            if (!diagnostic.Properties.TryGetValue(UserCodeIds.Properties.Replacement, out string? replacement) || replacement is null) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value) continue;

            if (mode == UserCodeIds.Properties.TryGetMode && model is null)
            {
                model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            }
            (SyntaxNode Old, SyntaxNode New)? edit = mode switch
            {
                UserCodeIds.Properties.FindMode => PlanFind(value, replacement),
                UserCodeIds.Properties.TryGetMode => model is null ? null : PlanTryGet(value, replacement, model, context.CancellationToken),
                UserCodeIds.Properties.CompareMode => PlanCompare(value, replacement),
                _ => null,
            };
            if (edit is not { } change) continue;

            Document document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + Shown(replacement, mode),
                    ct => Apply(document, change.Old, change.New, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> Apply(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        // Simplifier.Annotation on a qualified replacement is reduced by CodeAction's post-processing.
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
    }

    /// <summary><c>Officials.Find("he-lifeng")</c> → <c>Officials.HeLifeng</c>.</summary>
    private static (SyntaxNode, SyntaxNode)? PlanFind(ExpressionSyntax value, string replacement)
    {
        if (InvocationOf(value) is not { } invocation) return null;
        return (invocation, Member(invocation, replacement).WithTriviaFrom(invocation));
    }

    /// <summary>The statement forms of TryGet where the call can go without changing what the code does.</summary>
    private static (SyntaxNode, SyntaxNode)? PlanTryGet(ExpressionSyntax value, string replacement, SemanticModel model, CancellationToken cancellationToken)
    {
        if (InvocationOf(value) is not { } invocation || invocation.ArgumentList.Arguments.Count != 2) return null;
        ArgumentSyntax? target = null;
        foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
        {
            if (argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword)) target = argument;
        }
        if (target is null) return null;

        StatementSyntax replaced;
        if (invocation.Parent is ExpressionStatementSyntax statement)
        {
            replaced = statement;
        }
        else if (invocation.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not
                 && not.Parent is IfStatementSyntax { Else: null } guard && guard.Condition == not)
        {
            replaced = guard;
        }
        else
        {
            return null;
        }
        // A declaration may stand only in a statement list (not as the embedded statement of if/while/…).
        if (replaced.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)) return null;

        ExpressionSyntax member = Member(invocation, replacement).WithoutTrivia();
        StatementSyntax result;
        if (target.Expression is DeclarationExpressionSyntax declaration)
        {
            switch (declaration.Designation)
            {
                case SingleVariableDesignationSyntax single:
                    result = SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            declaration.Type.WithoutTrivia(),
                            SyntaxFactory.SingletonSeparatedList(
                                SyntaxFactory.VariableDeclarator(single.Identifier.WithoutTrivia())
                                    .WithInitializer(SyntaxFactory.EqualsValueClause(member)))));
                    break;
                case DiscardDesignationSyntax:
                    // `_ = …` is a discard only while no variable named _ is in scope.
                    if (!model.LookupSymbols(replaced.SpanStart, name: "_").IsEmpty) return null;
                    result = Assignment(SyntaxFactory.IdentifierName("_"), member);
                    break;
                default:
                    return null;
            }
        }
        else
        {
            // An existing variable, field, element or discard (`out _`): assign it.
            result = Assignment(target.Expression.WithoutTrivia(), member);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return (replaced, result.WithTriviaFrom(replaced).WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary><c>official.Id == "he-lifeng"</c> → <c>official.Id == Officials.Ids.HeLifeng</c>.</summary>
    private static (SyntaxNode, SyntaxNode)? PlanCompare(ExpressionSyntax value, string replacement)
        => (value, Qualified(replacement).WithTriviaFrom(value));

    private static ExpressionStatementSyntax Assignment(ExpressionSyntax target, ExpressionSyntax value)
        => SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, target, value));

    /// <summary>The invocation whose (first) argument is <paramref name="value"/>, through parentheses.</summary>
    private static InvocationExpressionSyntax? InvocationOf(ExpressionSyntax value)
    {
        SyntaxNode? node = value.Parent;
        while (node is ParenthesizedExpressionSyntax) node = node.Parent;
        return node is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } ? invocation : null;
    }

    /// <summary>
    /// The typed member, written as the call was: <c>Officials.Find</c> keeps its receiver (<c>Officials.HeLifeng</c>);
    /// a bare <c>Find</c> (inside the class or through <c>using static</c>) gets the qualified name, simplified.
    /// </summary>
    private static ExpressionSyntax Member(InvocationExpressionSyntax invocation, string replacement)
    {
        if (invocation.Expression is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access)
        {
            string name = replacement.Substring(replacement.LastIndexOf('.') + 1);
            return access.WithName(SyntaxFactory.IdentifierName(SyntaxFactory.ParseToken(name)).WithTriviaFrom(access.Name));
        }
        return Qualified(replacement);
    }

    private static ExpressionSyntax Qualified(string replacement)
        => SyntaxFactory.ParseExpression(replacement).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>The replacement as a title shows it: <c>Officials.HeLifeng</c>, <c>Officials.Ids.HeLifeng</c>.</summary>
    private static string Shown(string replacement, string mode)
    {
        int parts = mode == UserCodeIds.Properties.CompareMode ? 3 : 2;
        int start = replacement.Length;
        for (int i = 0; i < parts && start > 0; i++) start = replacement.LastIndexOf('.', start - 1);
        string shown = start < 0 ? replacement : replacement.Substring(start + 1);
        return shown.StartsWith("global::", System.StringComparison.Ordinal) ? shown.Substring("global::".Length) : shown;
    }
}
