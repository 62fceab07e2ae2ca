package io.funnelql.dsl.parser;

import io.funnelql.dsl.ast.ExpressionNode;
import io.funnelql.dsl.ast.FunnelClause;
import io.funnelql.dsl.ast.Identifier;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.TimeUnit;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.WindowAnchor;
import io.funnelql.dsl.model.WindowBound;
import io.funnelql.dsl.model.expression.ComparisonOperator;
import io.funnelql.dsl.model.expression.LogicalOperator;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SpecificationParserTest {
    private static ParseResult parse(String text) {
        return new SpecificationParser().parse(new SourceFile("test.fql", text));
    }

    @Test
    void buildsFunnelClausesWithLocations() {
        ParseResult result = parse("""
                funnel checkout from events
                  within 90 minutes from previous step exclusive
                  ENTRY Every
                  steps (view: event_name = 'page_view', buy: event_name = 'purchase');
                """);
        assertThat(result.diagnostics()).isEmpty();
        Statement.FunnelDeclaration funnel = (Statement.FunnelDeclaration) result.script().statements().get(0);
        assertThat(funnel.name()).isEqualTo(new Identifier("checkout", false, new SourceLocation(1, 8)));
        assertThat(funnel.clauses()).hasSize(3);
        FunnelClause.Window window = (FunnelClause.Window) funnel.clauses().get(0);
        assertThat(window.length().amount()).isEqualTo(90);
        assertThat(window.length().unit()).isEqualTo(TimeUnit.MINUTE);
        assertThat(window.anchor()).isEqualTo(WindowAnchor.PREVIOUS_STEP);
        assertThat(window.bound()).contains(WindowBound.EXCLUSIVE);
        assertThat(window.location()).isEqualTo(new SourceLocation(2, 3));
        assertThat(((FunnelClause.Entry) funnel.clauses().get(1)).policy()).isEqualTo(EntryPolicy.EVERY);
        FunnelClause.Steps steps = (FunnelClause.Steps) funnel.clauses().get(2);
        assertThat(steps.steps()).extracting(step -> step.name().text()).containsExactly("view", "buy");
        assertThat(steps.steps().get(1).location()).isEqualTo(new SourceLocation(4, 42));
    }

    @Test
    void andBindsTighterThanOrAndPredicatesApplyToTheirValue() {
        ParseResult result = parse("funnel f from e within 1 hour from first step steps (a: x = 1 or y between 2 and 3 and not z is null);");
        Statement.FunnelDeclaration funnel = (Statement.FunnelDeclaration) result.script().statements().get(0);
        ExpressionNode condition = ((FunnelClause.Steps) funnel.clauses().get(1)).steps().get(0).condition();
        ExpressionNode.Logical or = (ExpressionNode.Logical) condition;
        assertThat(or.operator()).isEqualTo(LogicalOperator.OR);
        assertThat(((ExpressionNode.Comparison) or.left()).operator()).isEqualTo(ComparisonOperator.EQUAL);
        ExpressionNode.Logical and = (ExpressionNode.Logical) or.right();
        assertThat(and.operator()).isEqualTo(LogicalOperator.AND);
        assertThat(and.left()).isInstanceOf(ExpressionNode.Between.class);
        ExpressionNode.Not not = (ExpressionNode.Not) and.right();
        assertThat(((ExpressionNode.IsNull) not.operand()).negated()).isFalse();
    }

    @Test
    void quotedIdentifiersKeepCaseAndUndoubleQuotes() {
        ParseResult result = parse("source \"Ev\"\"il\" from table \"my schema\".\"t;--\" (key \"User Id\", time ts);");
        Statement.SourceDeclaration source = (Statement.SourceDeclaration) result.script().statements().get(0);
        assertThat(source.name().text()).isEqualTo("Ev\"il");
        assertThat(source.name().quoted()).isTrue();
        assertThat(source.table().parts()).extracting(Identifier::text).containsExactly("my schema", "t;--");
    }

    @Test
    void stringsUndoubleQuotes() {
        ParseResult result = parse("funnel f from e within 1 hour from first step steps (a: x = 'it''s');");
        Statement.FunnelDeclaration funnel = (Statement.FunnelDeclaration) result.script().statements().get(0);
        ExpressionNode.Comparison comparison = (ExpressionNode.Comparison)
                ((FunnelClause.Steps) funnel.clauses().get(1)).steps().get(0).condition();
        assertThat(comparison.right()).isEqualTo(new ExpressionNode.StringLiteral("it's", new SourceLocation(1, 61)));
    }

    @Test
    void reportsOneErrorPerBrokenStatementAndKeepsTheRest() {
        ParseResult result = parse("""
                param a timestamp;
                param b bogus;
                funnel f from e within 1 hour from first step steps (a: x = 1;
                param c bigint default 5;
                """);
        assertThat(result.diagnostics()).extracting(Object::toString).containsExactly(
                "line 2:9: mismatched input 'bogus'. Expecting: 'bigint', 'boolean', 'date', 'decimal', 'double', 'int', "
                        + "'integer', 'text', 'timestamp', 'varchar'",
                "line 3:62: mismatched input ';'. Expecting: ')', ','");
        assertThat(result.script().statements()).extracting(statement -> statement.name().text()).containsExactly("a", "c");
    }

    @Test
    void commentsAreIgnored() {
        ParseResult result = parse("/* block\ncomment */ param p -- trailing\n bigint; -- done");
        assertThat(result.diagnostics()).isEmpty();
        assertThat(((Statement.ParameterDeclaration) result.script().statements().get(0)).defaultValue()).isEqualTo(Optional.empty());
    }
}
