package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;

import java.util.List;
import java.util.Optional;

public sealed interface Statement extends Node {
    Identifier name();

    record SourceDeclaration(Identifier name, QualifiedName table, List<SourceElement> elements, SourceLocation location)
            implements Statement {
        public SourceDeclaration {
            elements = List.copyOf(elements);
        }
    }

    record ParameterDeclaration(Identifier name, TypeNode type, Optional<ExpressionNode> defaultValue, SourceLocation location)
            implements Statement {}

    record FunnelDeclaration(Identifier name, Identifier source, List<FunnelClause> clauses, SourceLocation location)
            implements Statement {
        public FunnelDeclaration {
            clauses = List.copyOf(clauses);
        }
    }

    record SessionsDeclaration(Identifier name, Identifier source, List<SessionsClause> clauses, SourceLocation location)
            implements Statement {
        public SessionsDeclaration {
            clauses = List.copyOf(clauses);
        }
    }

    record MetricDeclaration(Identifier name, Identifier source, List<MetricClause> clauses, SourceLocation location)
            implements Statement {
        public MetricDeclaration {
            clauses = List.copyOf(clauses);
        }
    }

    record RetentionDeclaration(Identifier name, Identifier source, List<RetentionClause> clauses, SourceLocation location)
            implements Statement {
        public RetentionDeclaration {
            clauses = List.copyOf(clauses);
        }
    }

    record SequenceDeclaration(Identifier name, Identifier source, List<SequenceClause> clauses, SourceLocation location)
            implements Statement {
        public SequenceDeclaration {
            clauses = List.copyOf(clauses);
        }
    }

    record PathsDeclaration(Identifier name, Identifier source, List<PathsClause> clauses, SourceLocation location)
            implements Statement {
        public PathsDeclaration {
            clauses = List.copyOf(clauses);
        }
    }
}
