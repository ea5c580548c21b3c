import Foundation

extension BertConfig {
    /// A `config.json` key that changes what HuggingFace's BertModel computes, and the one value attnview's
    /// encoder implements. Other keys BertModel ignores at inference (dropout, initialisation, labels) are ignored.
    struct ComputationKey: Sendable {
        let key: String
        /// What attnview computes, in the words of the error message.
        let implemented: String
        /// Whether `value` (the key's JSON value; nil when absent) is the implemented behaviour.
        let accepts: @Sendable (Any?) -> Bool
    }

    /// Absent, or JSON `false` (a string "false" is truthy in Python, so it is not accepted).
    private static func absentOrFalse(_ value: Any?) -> Bool {
        guard let value, !(value is NSNull) else { return true }
        return isJSONBoolean(value) && (value as? Bool) == false
    }

    /// The keys refused unless they ask for what the encoder does: absolute positions, bidirectional
    /// self-attention only, every head present, float weights as stored.
    static let computationKeys: [ComputationKey] = [
        ComputationKey(key: "position_embedding_type", implemented: "\"absolute\" position embeddings") {
            $0 == nil || $0 as? String == "absolute"
        },
        ComputationKey(key: "is_decoder", implemented: "an encoder (false)", accepts: absentOrFalse),
        ComputationKey(key: "add_cross_attention", implemented: "self-attention only (false)", accepts: absentOrFalse),
        ComputationKey(key: "is_encoder_decoder", implemented: "an encoder (false)", accepts: absentOrFalse),
        ComputationKey(key: "pruned_heads", implemented: "every head (an empty object)") {
            $0 == nil || $0 is NSNull || ($0 as? [String: Any])?.isEmpty == true
        },
        ComputationKey(key: "quantization_config", implemented: "unquantized weights (no such key)") {
            $0 == nil || $0 is NSNull
        },
    ]

    /// Refuses the first key of `config` that asks for a computation the encoder does not implement.
    static func refuseUnimplemented(_ config: [String: Any], path: String) throws(ModelError) {
        for rule in computationKeys where !rule.accepts(config[rule.key]) {
            throw .badConfig(
                path: path,
                reason:
                    "\"\(rule.key)\" is \(jsonSpelling(config[rule.key])): attnview does not implement it and would "
                    + "compute other attention than the model (it implements \(rule.implemented))")
        }
    }
}
