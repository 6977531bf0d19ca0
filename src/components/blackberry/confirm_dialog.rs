//! A modal confirmation, rendered inline (no portal), so it works inside a shadow root
//! and with several instances on one page.
//!
//! Focus starts on Cancel, Tab and Shift+Tab cycle inside, Escape cancels. With
//! `require_text` the confirm button stays disabled until exactly that text is typed.
//! It confirms at most once per opening, whatever the clicks and key repeats; the
//! owner also guards its own send.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::components::shared::ids::unique_id;

#[derive(Clone, PartialEq, Properties)]
pub struct ConfirmDialogProps {
    /// `alertdialog` for consequences that cannot be undone, else `dialog`.
    #[prop_or_default]
    pub alert: bool,
    pub title: AttrValue,
    /// Paragraphs of what will happen; the first one or two describe the dialog.
    pub body: Rc<Vec<AttrValue>>,
    /// What the customer types to unlock the confirm button, if anything.
    #[prop_or_default]
    pub require_text: Option<AttrValue>,
    #[prop_or_default]
    pub input_label: AttrValue,
    #[prop_or_default]
    pub input_hint: AttrValue,
    pub confirm_label: AttrValue,
    pub cancel_label: AttrValue,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
     textarea:not([disabled]), a[href], [tabindex]:not([tabindex=\"-1\"])";

/// The enabled focusable elements inside `root`, in document order.
fn focusables(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

#[component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let ids = use_memo((), |_| {
        (
            unique_id("dialog-title"),
            unique_id("dialog-desc"),
            unique_id("dialog-input"),
        )
    });
    let (title_id, desc_id, input_id) = (&ids.0, &ids.1, &ids.2);
    let typed = use_state(String::new);
    // Set on the first confirmation; never cleared, since the dialog closes with it.
    let confirmed = use_mut_ref(|| false);
    let dialog_ref = use_node_ref();
    let cancel_ref = use_node_ref();

    {
        let cancel_ref = cancel_ref.clone();
        use_effect_with((), move |_| {
            if let Some(cancel) = cancel_ref.cast::<HtmlElement>() {
                let _ = cancel.focus();
            }
        });
    }

    let matches = match &props.require_text {
        Some(expected) => typed.as_str() == expected.as_str(),
        None => true,
    };

    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                typed.set(input.value());
            }
        })
    };

    let onsubmit = {
        let confirmed = confirmed.clone();
        let on_confirm = props.on_confirm.clone();
        let require_text = props.require_text.clone();
        let typed = typed.clone();
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *confirmed.borrow() {
                return;
            }
            // Check the input itself too: the state may lag a keystroke behind.
            if let Some(expected) = &require_text {
                let live = dialog_ref
                    .cast::<Element>()
                    .and_then(|d| d.query_selector("input").ok().flatten())
                    .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
                    .map(|i| i.value());
                let value = live.unwrap_or_else(|| (*typed).clone());
                if value != expected.as_str() {
                    return;
                }
            }
            *confirmed.borrow_mut() = true;
            on_confirm.emit(());
        })
    };

    let onkeydown = {
        let on_cancel = props.on_cancel.clone();
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                on_cancel.emit(());
            }
            // A held key must not press a button again and again.
            "Enter" | " " if e.repeat() => e.prevent_default(),
            "Tab" => {
                let Some(root) = dialog_ref.cast::<Element>() else {
                    return;
                };
                let items = focusables(&root);
                let (Some(first), Some(last)) = (items.first(), items.last()) else {
                    e.prevent_default();
                    return;
                };
                let current = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let inside = current.as_ref().is_some_and(|n| root.contains(Some(n)));
                let at =
                    |el: &HtmlElement| current.as_ref().is_some_and(|n| el.is_same_node(Some(n)));
                if e.shift_key() && (!inside || at(first)) {
                    e.prevent_default();
                    let _ = last.focus();
                } else if !e.shift_key() && (!inside || at(last)) {
                    e.prevent_default();
                    let _ = first.focus();
                }
            }
            _ => {}
        })
    };

    let on_cancel_click = props.on_cancel.reform(|_: MouseEvent| ());
    // Clicking the backdrop keeps focus in the dialog and closes nothing.
    let on_backdrop = Callback::from(|e: MouseEvent| e.prevent_default());

    let described_by = if props.body.is_empty() {
        None
    } else {
        Some(desc_id.clone())
    };
    let hint_id = format!("{input_id}-hint");
    html! {
        <div class="oxp-dialog-layer">
            <div class="oxp-dialog-backdrop" onmousedown={on_backdrop}></div>
            <div class="oxp-dialog"
                ref={dialog_ref}
                role={if props.alert { "alertdialog" } else { "dialog" }}
                aria-modal="true"
                aria-labelledby={title_id.clone()}
                aria-describedby={described_by}
                data-testid="confirm-dialog"
                onkeydown={onkeydown}>
                <form class="oxp-dialog-form" onsubmit={onsubmit} novalidate=true>
                    <h3 class="oxp-dialog-title" id={title_id.clone()}>{ props.title.clone() }</h3>
                    <div id={desc_id.clone()} class="oxp-dialog-body">
                        { for props.body.iter().map(|p| html! { <p>{ p.clone() }</p> }) }
                    </div>
                    if props.require_text.is_some() {
                        <div class="oxp-dialog-field">
                            <label class="oxp-dialog-label" for={input_id.clone()}>{ props.input_label.clone() }</label>
                            <input class="oxp-dialog-input" id={input_id.clone()} type="text"
                                data-testid="confirm-input"
                                autocomplete="off" autocapitalize="none" spellcheck="false"
                                aria-describedby={hint_id.clone()}
                                aria-invalid={(!typed.is_empty() && !matches).then_some("true")}
                                value={(*typed).clone()}
                                oninput={oninput} />
                            <p class="oxp-hint" id={hint_id}>{ props.input_hint.clone() }</p>
                        </div>
                    }
                    <div class="oxp-dialog-buttons">
                        <button type="button" class="oxp-button" ref={cancel_ref}
                            data-testid="confirm-cancel" onclick={on_cancel_click}>
                            { props.cancel_label.clone() }
                        </button>
                        <button type="submit"
                            class={classes!("oxp-button", if props.alert { "oxp-button-danger" } else { "oxp-button-primary" })}
                            data-testid="confirm-submit"
                            disabled={!matches}>
                            { props.confirm_label.clone() }
                        </button>
                    </div>
                </form>
            </div>
        </div>
    }
}
