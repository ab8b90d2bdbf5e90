// Introspection, switchable off in production (INTROSPECTION=false). Off, `__schema`/`__type`
// are refused while validating, and "Did you mean …?" hints are cut from validation errors, since
// they would reveal field and type names one guess at a time.
import { GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import type { Plugin } from "graphql-yoga";

export interface IntrospectionPluginOptions {
  /** Whether clients may introspect the schema (GraphiQL needs it). @default true */
  enabled?: boolean;
}

const suggestion = / ?Did you mean .*\?$/;

export function useIntrospection(options: IntrospectionPluginOptions = {}): Plugin {
  if (options.enabled ?? true) return {};
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ result, setResult }) => {
        if (!result.some((e: Error) => suggestion.test(e.message))) return;
        setResult(
          (result as GraphQLError[]).map((e) =>
            suggestion.test(e.message)
              ? new GraphQLError(e.message.replace(suggestion, ""), { nodes: e.nodes, extensions: e.extensions })
              : e,
          ),
        );
      };
    },
  };
}
