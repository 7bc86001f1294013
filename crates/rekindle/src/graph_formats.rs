//! Writing the network out: GraphML (Gephi, yEd, networkx), Graphviz DOT, JSON.

use std::io::{self, Write};

use serde::Serialize;

use crate::network::{Network, Node, Tie};

/// Serialisable form of the graph: nodes with their index, edges by index.
#[derive(Debug, Serialize)]
struct JsonGraph<'a> {
    nodes: Vec<JsonNode<'a>>,
    edges: Vec<JsonEdge<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonNode<'a> {
    id: usize,
    #[serde(flatten)]
    node: &'a Node,
}

#[derive(Debug, Serialize)]
struct JsonEdge<'a> {
    source: usize,
    target: usize,
    #[serde(flatten)]
    tie: &'a Tie,
}

/// The attributes of a tie as (name, value) pairs, `kind` first.
fn tie_attributes(tie: &Tie) -> Vec<(&'static str, String)> {
    let mut attributes = vec![("kind", tie.kind_name().to_string())];
    attributes.extend(match tie {
        Tie::Connection { connected_on } => {
            vec![("date", opt(connected_on))]
        }
        Tie::DirectMessages {
            sent,
            received,
            first,
            last,
        } => vec![
            ("sent", sent.to_string()),
            ("received", received.to_string()),
            ("first", first.date().to_string()),
            ("date", last.date().to_string()),
        ],
        Tie::SharedGroups { conversations } => vec![("conversations", conversations.to_string())],
        Tie::Endorsement { skill, date } => vec![("skill", skill.clone()), ("date", opt(date))],
        Tie::Recommendation { date } => {
            vec![("date", opt(date))]
        }
        Tie::Invitation { date, has_note } => {
            vec![("date", opt(date)), ("has_note", has_note.to_string())]
        }
    });
    attributes
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn node_attributes(node: &Node) -> Vec<(&'static str, String)> {
    vec![
        ("name", node.name.to_string()),
        (
            "profile_url",
            node.profile_url.as_deref().unwrap_or_default().to_string(),
        ),
        (
            "company",
            node.company.as_deref().unwrap_or_default().to_string(),
        ),
        (
            "position",
            node.position.as_deref().unwrap_or_default().to_string(),
        ),
        ("connected_on", opt(&node.connected_on)),
        ("is_connection", node.is_connection.to_string()),
        ("is_owner", node.is_owner.to_string()),
    ]
}

const EDGE_KEYS: [(&str, &str); 8] = [
    ("kind", "string"),
    ("date", "string"),
    ("sent", "int"),
    ("received", "int"),
    ("first", "string"),
    ("conversations", "int"),
    ("skill", "string"),
    ("has_note", "boolean"),
];
const NODE_KEYS: [(&str, &str); 7] = [
    ("name", "string"),
    ("profile_url", "string"),
    ("company", "string"),
    ("position", "string"),
    ("connected_on", "string"),
    ("is_connection", "boolean"),
    ("is_owner", "boolean"),
];

/// Text for an XML element or attribute: markup escaped, and the characters
/// XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) replaced.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push(' '),
            // Not characters in XML 1.0 (§2.2): no parser reads them.
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

impl Network {
    /// Writes the graph as GraphML, with every node and edge attribute.
    pub fn write_graphml(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#
        )?;
        for (name, ty) in NODE_KEYS {
            writeln!(
                out,
                r#"  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{ty}"/>"#
            )?;
        }
        for (name, ty) in EDGE_KEYS {
            writeln!(
                out,
                r#"  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{ty}"/>"#
            )?;
        }
        writeln!(out, r#"  <graph id="rekindle" edgedefault="directed">"#)?;
        for i in self.graph.node_indices() {
            writeln!(out, r#"    <node id="n{}">"#, i.index())?;
            for (key, value) in node_attributes(&self.graph[i]) {
                if !value.is_empty() {
                    writeln!(
                        out,
                        r#"      <data key="n_{key}">{}</data>"#,
                        xml_escape(&value)
                    )?;
                }
            }
            writeln!(out, "    </node>")?;
        }
        for (k, e) in self.graph.raw_edges().iter().enumerate() {
            writeln!(
                out,
                r#"    <edge id="e{k}" source="n{}" target="n{}">"#,
                e.source().index(),
                e.target().index()
            )?;
            for (key, value) in tie_attributes(&e.weight) {
                if !value.is_empty() {
                    writeln!(
                        out,
                        r#"      <data key="e_{key}">{}</data>"#,
                        xml_escape(&value)
                    )?;
                }
            }
            writeln!(out, "    </edge>")?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")
    }

    /// Writes the graph in Graphviz DOT.
    pub fn write_dot(&self, out: &mut dyn Write) -> io::Result<()> {
        let quote = |s: &str| {
            format!(
                "\"{}\"",
                s.replace('\\', "\\\\")
                    .replace('"', "\\\"")
                    .replace('\n', " ")
            )
        };
        writeln!(out, "digraph rekindle {{")?;
        for i in self.graph.node_indices() {
            let attrs: Vec<String> = node_attributes(&self.graph[i])
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| format!("{k}={}", quote(&v)))
                .collect();
            writeln!(
                out,
                "  n{} [label={} {}];",
                i.index(),
                quote(&self.graph[i].name),
                attrs.join(" ")
            )?;
        }
        for e in self.graph.raw_edges() {
            let attrs: Vec<String> = tie_attributes(&e.weight)
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| format!("{k}={}", quote(&v)))
                .collect();
            let label = tie_attributes(&e.weight)[0].1.clone();
            writeln!(
                out,
                "  n{} -> n{} [label={} {}];",
                e.source().index(),
                e.target().index(),
                quote(&label),
                attrs.join(" ")
            )?;
        }
        writeln!(out, "}}")
    }

    /// Writes the graph as JSON: `{"nodes": [{"id", …}], "edges": [{"source", "target", "kind", …}]}`.
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        let graph = JsonGraph {
            nodes: self
                .graph
                .node_indices()
                .map(|i| JsonNode {
                    id: i.index(),
                    node: &self.graph[i],
                })
                .collect(),
            edges: self
                .graph
                .raw_edges()
                .iter()
                .map(|e| JsonEdge {
                    source: e.source().index(),
                    target: e.target().index(),
                    tie: &e.weight,
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &graph)?;
        writeln!(out)
    }
}
