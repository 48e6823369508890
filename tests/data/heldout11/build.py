#!/usr/bin/env python3
"""Build heldout11/messages.jsonl from the hand-written table below.

Every row was written and labelled by hand, one at a time (no templates, no generated combinations, no block
translated from another). A row is (tenant, section code, wants_human, sentiment, text); the language is the
block's. Section codes: A<n> aurora, S<n> solmar, D<n> demo, "-" for no section (answerable false).

Before writing anything the script checks:
  - the heading table below equals the numbered headings parsed from the three FAQ files;
  - every section code belongs to the row's tenant;
  - every text is 20-170 characters long and occurs only once;
  - no text shares a run of five words with any FAQ text (lower-cased, accents stripped);
  - hi / ta / te: exactly half of each tenant's rows contain Devanagari / Tamil / Telugu letters (and no other
    Indic script), the rest none; no other language contains Indic letters;
  - every language has its designed number of rows per tenant, split into answerable without / with
    wants_human and unanswerable without / with wants_human.
Any failure: message on stderr, nothing written, exit status 1.

FAQ locations: EVAL_DIR (aurora-faq.txt, solmar-faq.txt; default ../shared/eval beside the repository root)
and DEMO_FAQ (default deploy/local/sample/demo-faq.md under the repository root).

Use: measurement only - never tune on this set.
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
EVAL_DIR = Path(os.environ.get("EVAL_DIR", REPO.parent / "shared" / "eval"))
DEMO_FAQ = Path(os.environ.get("DEMO_FAQ", REPO / "deploy" / "local" / "sample" / "demo-faq.md"))
PREFIX = "h11"
OUT = HERE / "messages.jsonl"

HEADINGS = {
    "A1": "1. Shipping times",
    "A2": "2. Shipping costs",
    "A3": "3. International shipping",
    "A4": "4. Order tracking",
    "A5": "5. Returns",
    "A6": "6. Refund timing",
    "A7": "7. Warranty",
    "A8": "8. Payment methods",
    "A9": "9. Installments (meses sin intereses)",
    "A10": "10. Invoices (CFDI / nota fiscal)",
    "A11": "11. Store pickup locations and hours",
    "A12": "12. Price match",
    "A13": "13. Order cancellation",
    "A14": "14. Damaged or wrong items",
    "A15": "15. Trade-in program",
    "A16": "16. Customer support hours and channels",
    "S1": "1. Reservas",
    "S2": "2. Cambios de fecha",
    "S3": "3. Cancelaciones y reembolsos",
    "S4": "4. Equipaje",
    "S5": "5. Documentación y visados",
    "S6": "6. Formas de pago y cuotas",
    "S7": "7. Seguro de viaje",
    "S8": "8. Viajar con mascotas",
    "S9": "9. Check-in online",
    "S10": "10. Horario de atención",
    "S11": "11. Promociones y cupones",
    "S12": "12. Facturación",
    "S13": "13. Grupos y eventos",
    "S14": "14. Accesibilidad",
    "D1": "1. Opening hours",
    "D2": "2. Address and parking",
    "D3": "3. Delivery",
    "D4": "4. Returns",
    "D5": "5. Warranty",
    "D6": "6. Repairs and servicing",
    "D7": "7. Bike rental",
    "D8": "8. Trade-in of used bikes",
    "D9": "9. Payment methods",
    "D10": "10. Contact us",
}
TENANT_OF_CODE = {"A": "aurora", "S": "solmar", "D": "demo"}
TENANTS = ("aurora", "solmar", "demo")
SENTIMENT = {"pos": "positive", "neu": "neutral", "neg": "negative"}

# designed layout per language and tenant:
# (answerable without wants_human, answerable with wants_human, unanswerable without, unanswerable with)
MAIN = {"aurora": (9, 1, 6, 4), "solmar": (8, 1, 6, 3), "demo": (4, 1, 3, 2)}
LAYOUT = {
    "en": MAIN,
    "es": MAIN,
    "pt": MAIN,
    "hi": MAIN,
    "ta": MAIN,
    "te": MAIN,
    "fr": {"aurora": (1, 1, 1, 0), "solmar": (2, 0, 0, 1), "demo": (1, 0, 0, 0)},
    "it": {"aurora": (2, 1, 0, 0), "solmar": (2, 0, 1, 0), "demo": (1, 0, 0, 0)},
    "de": {"aurora": (2, 0, 0, 1), "solmar": (2, 0, 1, 0), "demo": (1, 0, 0, 0)},
}
INDIC = {"hi": ("\u0900", "\u097f"), "ta": ("\u0b80", "\u0bff"), "te": ("\u0c00", "\u0c7f")}

# ---------------------------------------------------------------------------------------------------------
# The hand-written table. (tenant, section code, wants_human, sentiment, text)
# ---------------------------------------------------------------------------------------------------------
BLOCKS = [
    (
        "en",
        [
            # aurora: answerable
            (
                "aurora",
                "A1",
                0,
                "neg",
                "paid for a monitor at 3:40pm on a friday... please tell me it doesnt just sit in the warehouse all weekend, when does it actually ship?",
            ),
            (
                "aurora",
                "A2",
                0,
                "neu",
                "how much is express on a 12k peso order? i figured itd be free at that amount lol",
            ),
            (
                "aurora",
                "A3",
                0,
                "neu",
                "my daughter is studying in buenos aires, can i buy on aurora.com.mx and have it delivered to her there?",
            ),
            (
                "aurora",
                "A4",
                0,
                "neu",
                "got the sms with my tracking # an hour ago but estafeta says no info found. is that normal or did something go wrong",
            ),
            (
                "aurora",
                "A5",
                0,
                "neu",
                "bought a blender 3 weeks ago, it works fine i just dont like it. can i still send it back?",
            ),
            (
                "aurora",
                "A6",
                0,
                "pos",
                "your team was super quick approving my return, love it 🙌 how many days till the mercado pago refund shows up?",
            ),
            (
                "aurora",
                "A7",
                0,
                "neg",
                "laptop battery only holds half its charge at 11 months 😒 is that covered under the 12 month warranty or what",
            ),
            ("aurora", "A8", 0, "neu", "can i pay with bitcoin or usdt on the mexican site?"),
            (
                "aurora",
                "A9",
                0,
                "neu",
                "picked 6 msi at checkout but now id rather do 12, can i switch it after paying?",
            ),
            (
                "aurora",
                "A10",
                1,
                "neu",
                "is it too late to request a cfdi for an order i paid on march 30? its april 2 now. can someone from billing call me pls",
            ),
            # aurora: unanswerable
            (
                "aurora",
                "-",
                0,
                "neu",
                "does aurora plus get you early access to hot sale deals or is it just the free express shipping?",
            ),
            (
                "aurora",
                "-",
                0,
                "neg",
                "the courier only ever shows up while im at work 🙄 can you deliver on saturdays?",
            ),
            ("aurora", "-", 0, "neu", "if i order a 65 inch tv do your delivery guys mount it on the wall too?"),
            ("aurora", "-", 0, "neu", "whats the direct phone number of the polanco store? not the general line"),
            (
                "aurora",
                "-",
                0,
                "neg",
                "are the phones you sell carrier unlocked? got burned once with one locked to telcel, never again",
            ),
            # aurora: requests for a person
            (
                "aurora",
                "-",
                1,
                "neg",
                "your bot sent me a link that doesnt even open. i want an actual person looking at order 58213",
            ),
            (
                "aurora",
                "-",
                1,
                "neu",
                "could someone from aurora call me? my laptop order still has my old apartment as the address",
            ),
            (
                "aurora",
                "-",
                1,
                "neg",
                "who handles complaints about the stores? id like to talk to that person about how i was treated at coyoacan",
            ),
            (
                "aurora",
                "-",
                1,
                "neu",
                "pls have someone check order 77120, the app says delivered but no box ever came to my door",
            ),
            # aurora: complaint
            ("aurora", "-", 0, "neg", "the charger you sent gets so hot i cant even touch it. great quality aurora 👎"),
            # solmar: answerable
            (
                "solmar",
                "S1",
                0,
                "neg",
                "im hopeless with your website, it keeps crashing 😩 can i just book a package over the phone?",
            ),
            (
                "solmar",
                "S2",
                0,
                "neu",
                "we leave for madeira in 12 days, can we still move the package to a later date?",
            ),
            (
                "solmar",
                "S3",
                0,
                "neu",
                "got the flu and our package leaves in 2 days, if we cancel now do we get anything back?",
            ),
            (
                "solmar",
                "S4",
                0,
                "neg",
                "taking my surfboard to fuerteventura, last time an airline charged me a fortune at the desk. when do i have to request it and what does it cost?",
            ),
            (
                "solmar",
                "S5",
                0,
                "neu",
                "my 15yo is going to rome with her grandparents. what paperwork does she need from us parents?",
            ),
            ("solmar", "S6", 0, "neu", "can i pay the rest of our trip with bizum? its about 1400 euros"),
            ("solmar", "S7", 0, "neu", "if our flight home is 8 hours late, does the seguro total pay out anything?"),
            (
                "solmar",
                "S8",
                0,
                "pos",
                "we take our cat everywhere and you guys have been amazing so far 😻 shes 5 kg with the carrier, can she fly in the cabin? how much?",
            ),
            (
                "solmar",
                "S9",
                1,
                "neu",
                "when does online check-in open for my flight? also please get someone to ring me, i have a few more questions",
            ),
            # solmar: unanswerable
            ("solmar", "-", 0, "neu", "are there direct flights from bilbao in your mallorca packages?"),
            (
                "solmar",
                "-",
                0,
                "neu",
                "do the cruises you sell have a kids club on board? travelling with 3 little ones",
            ),
            ("solmar", "-", 0, "neu", "are tips for the crew included on cruises or is that extra"),
            ("solmar", "-", 0, "neu", "is there a solmar office in valencia?"),
            (
                "solmar",
                "-",
                0,
                "neg",
                "so disappointed with the hotel you picked for us last year. do you even have adults only hotels in cancun?",
            ),
            # solmar: requests for a person
            (
                "solmar",
                "-",
                1,
                "neu",
                "im at the cdmx airport and the airline says my ticket was never issued, i need someone from solmar right now",
            ),
            (
                "solmar",
                "-",
                1,
                "neg",
                "your bot quoted me two different prices for the same hotel, i dont trust it. real agent please",
            ),
            (
                "solmar",
                "-",
                1,
                "neu",
                "could one of your travel agents call me to plan 3 weeks in vietnam? id rather talk it through",
            ),
            # solmar: complaint
            (
                "solmar",
                "-",
                0,
                "neg",
                "the airport transfer never showed up, we waited 2 hours and paid for a taxi ourselves. unacceptable",
            ),
            # demo: answerable
            ("demo", "D1", 0, "neu", "are you guys open on sunday? want to come look at gravel bikes"),
            ("demo", "D2", 0, "neu", "which tram do i take to get to your shop?"),
            (
                "demo",
                "D3",
                0,
                "pos",
                "love your shop!! if i order a saddle and pedals online for 160 eur, do i still pay for delivery?",
            ),
            (
                "demo",
                "D4",
                0,
                "neu",
                "you cut brake cables to length for me last week but i measured wrong. can i return them?",
            ),
            (
                "demo",
                "D5",
                1,
                "neu",
                "my e-bike motor died at 20 months, is that still under warranty? would like a mechanic to call me about it",
            ),
            # demo: unanswerable
            ("demo", "-", 0, "neu", "do you do bike fitting sessions for road bikes? how much are they"),
            ("demo", "-", 0, "neu", "any group rides leaving from the shop on weekends?"),
            # demo: requests for a person
            (
                "demo",
                "-",
                1,
                "neu",
                "could whoever orders stock for the shop get in touch? i make handmade bike bags and would love to show them",
            ),
            (
                "demo",
                "-",
                1,
                "neg",
                "the auto replies keep saying sorry and nothing else, can a person from the shop take over?",
            ),
            # demo: complaint
            (
                "demo",
                "-",
                0,
                "neg",
                "picked up my bike after the service and now the brakes squeal like crazy. not happy",
            ),
        ],
    ),
    (
        "es",
        [
            # aurora (Mexican Spanish)
            (
                "aurora",
                "A11",
                0,
                "neu",
                "a que hora cierran el domingo en la tienda de andares? quiero pasar por mi pedido",
            ),
            (
                "aurora",
                "A12",
                0,
                "pos",
                "siempre les compro a ustedes, son lo max 🙌 el mismo refri esta mas barato en coppel y lo vende coppel, me igualan el precio si aun no lo compro?",
            ),
            (
                "aurora",
                "A13",
                0,
                "neu",
                "hice un pedido con dos cosas y ya no quiero los audifonos, puedo cancelar nomas esos?",
            ),
            (
                "aurora",
                "A14",
                0,
                "neg",
                "la bocina me llego hace 4 dias con la caja toda madreada y ni prende, que mala onda. todavia la puedo reportar como dañada?",
            ),
            (
                "aurora",
                "A15",
                0,
                "neu",
                "mi laptop vieja ya no prende ni con cargador, aun asi me la aceptan en el trade-in?",
            ),
            (
                "aurora",
                "A16",
                1,
                "neu",
                "a que correo les escribo en mexico? o mejor que alguien me marque, tengo dudas con una garantia",
            ),
            (
                "aurora",
                "A1",
                0,
                "neg",
                "vivo en la paz bcs y siempre tardan siglos 🙄 cuanto tarda normalmente un envio estandar hasta aca?",
            ),
            (
                "aurora",
                "A2",
                0,
                "neu",
                "si pido express como 4 veces al año me conviene aurora plus? cuanto cuesta la membresia",
            ),
            ("aurora", "A3", 0, "neu", "me pueden mandar el pedido a mi apartado postal en oaxaca?"),
            (
                "aurora",
                "A4",
                0,
                "neg",
                "que lata, el rastreo lleva 3 dias habiles igualito en estafeta. ya pueden abrir una investigacion o tengo que esperar mas?",
            ),
            ("aurora", "-", 0, "neu", "en la tienda de coyoacan puedo apartar una consola sin pagarla en linea?"),
            ("aurora", "-", 0, "neu", "tienen celulares reacondicionados? busco algo barato pa mi mama"),
            (
                "aurora",
                "-",
                0,
                "neu",
                "si compro aurora protege y luego vendo la compu, la garantia pasa al nuevo dueño?",
            ),
            ("aurora", "-", 0, "neu", "los precios de la pagina son los mismos que en la tienda de san pedro?"),
            ("aurora", "-", 0, "neu", "oigan cuando cae el buen fin este año? ya me urge cambiar la tele"),
            ("aurora", "-", 1, "neu", "me pasan con alguien de facturacion porfa? traigo un lio con mi rfc"),
            (
                "aurora",
                "-",
                1,
                "neg",
                "ya escribi 'agente' como 4 veces y nada... este bot no sirve, quiero hablar con una persona",
            ),
            (
                "aurora",
                "-",
                1,
                "neg",
                "alguien puede revisar mi pedido 90311? me cobraron completo y en la app sale cancelado, no manchen",
            ),
            (
                "aurora",
                "-",
                1,
                "neu",
                "necesito que alguien me llame, el repartidor dejo mi paquete con un vecino que ni conozco",
            ),
            ("aurora", "-", 0, "neg", "la impresora llego toda rayada y con la charola rota, que mal servicio la neta"),
            # solmar (Spain)
            ("solmar", "S10", 0, "neu", "el sabado hasta que hora cogeis el telefono en españa?"),
            (
                "solmar",
                "S11",
                0,
                "neu",
                "tengo dos cupones, uno del boletin y otro de una promo, los puedo usar juntos en la misma reserva?",
            ),
            (
                "solmar",
                "S12",
                0,
                "neu",
                "necesito la factura a nombre de mi empresa pero reserve hace una semana como particular, aun se puede pedir?",
            ),
            (
                "solmar",
                "S13",
                0,
                "pos",
                "el año pasado nos organizasteis un viaje genial!! ahora somos 12 del club de padel para menorca, teneis precio de grupo? cuanto tardais en contestar",
            ),
            (
                "solmar",
                "S14",
                0,
                "neu",
                "mi padre va en silla de ruedas electrica, que necesitais saber de la bateria y con cuanta antelacion?",
            ),
            ("solmar", "S1", 0, "neu", "puedo reservar un crucero desde la app o solo en la web?"),
            (
                "solmar",
                "S2",
                1,
                "neu",
                "mi hermana no puede venir, puedo pasar su plaza a mi cuñada? cuanto cuesta? prefiero que me llame alguien",
            ),
            (
                "solmar",
                "S3",
                0,
                "neg",
                "nos habeis anulado vosotros el viaje a egipto, menudo chasco. nos devolveis todo el dinero?",
            ),
            (
                "solmar",
                "S4",
                0,
                "neu",
                "me han roto una rueda de la maleta en el vuelo a paris, sigo en el aeropuerto, que hago?",
            ),
            ("solmar", "-", 0, "neu", "el club solmar tiene niveles tipo oro o plata con mas ventajas?"),
            ("solmar", "-", 0, "neu", "los niños pagan menos en los paquetes? los mios tienen 4 y 7 años"),
            (
                "solmar",
                "-",
                0,
                "neu",
                "se puede contratar el seguro solmar total para un viaje que no he reservado con vosotros?",
            ),
            (
                "solmar",
                "-",
                0,
                "neg",
                "los precios estan por las nubes... teneis ofertas de ultima hora para este finde?",
            ),
            (
                "solmar",
                "-",
                0,
                "neg",
                "con cuanto tiempo hay que estar en el aeropuerto para un vuelo a nueva york? la ultima vez casi lo pierdo por vuestra culpa",
            ),
            (
                "solmar",
                "-",
                1,
                "neu",
                "nos han robado la cartera con el pasaporte en marrakech, que me llame alguien de solmar urgente",
            ),
            (
                "solmar",
                "-",
                1,
                "neu",
                "quiero hablar con la persona que nos organizo el viaje de empresa, hay un problema con las habitaciones",
            ),
            (
                "solmar",
                "-",
                1,
                "neg",
                "esto es un bucle, me preguntas si me has ayudado y no me has ayudado en nada. pasame con un humano",
            ),
            (
                "solmar",
                "-",
                0,
                "neg",
                "la habitacion daba a una obra y desde las 7 de la mañana taladros. vaya vacaciones nos habeis vendido",
            ),
            # demo (Spain)
            (
                "demo",
                "D6",
                0,
                "pos",
                "me encanta la bici que me vendisteis! la compre hace dos meses, cuanto me cobrais por la primera revision basica?",
            ),
            ("demo", "D7", 0, "neu", "mi hijo tiene 15 años, puede alquilar una bici electrica el solo?"),
            (
                "demo",
                "D8",
                0,
                "neu",
                "si os llevo mi bici vieja con el cambio roto la aceptais como parte del pago de una nueva?",
            ),
            (
                "demo",
                "D9",
                1,
                "neu",
                "se puede pagar con apple pay en la tienda? y que me atienda alguien para elegir bici, no un chat",
            ),
            ("demo", "D10", 0, "neu", "cual es el telefono de la tienda? prefiero llamar que escribir"),
            (
                "demo",
                "-",
                0,
                "neu",
                "dais cursos de mecanica basica? me gustaria aprender a arreglar pinchazos yo sola",
            ),
            ("demo", "-", 0, "neu", "vendeis bicis de segunda mano? algo baratito para ir al curro"),
            (
                "demo",
                "-",
                1,
                "neu",
                "hola, que me llame alguien del taller cuando podais, la bici hace un ruido raro al frenar",
            ),
            (
                "demo",
                "-",
                1,
                "neg",
                "llevo 20 min esperando que este bot conteste algo util... hay alguien de carne y hueso por ahi?",
            ),
            (
                "demo",
                "-",
                0,
                "neg",
                "me disteis la bici de alquiler con el freno delantero casi sin pastillas, un peligro",
            ),
        ],
    ),
    (
        "pt",
        [
            # aurora (Brazil)
            ("aurora", "A5", 0, "neu", "joguei fora a caixa da cafeteira sem querer, ainda consigo devolver?"),
            ("aurora", "A6", 0, "neu", "fiz a devolução e tinha pago no pix, em quanto tempo o dinheiro volta?"),
            ("aurora", "A7", 0, "neu", "se a aurora não conseguir consertar meu celular na garantia, o que acontece?"),
            ("aurora", "A8", 0, "pos", "amei o app de vocês, super fácil 😍 dá pra pagar com cartão elo?"),
            ("aurora", "A9", 0, "neu", "se eu parcelar o celular em 12x no cartão tem juros? quanto?"),
            ("aurora", "A10", 0, "neu", "preciso pedir a nota fiscal em algum lugar ou ela chega sozinha?"),
            ("aurora", "A11", 0, "neu", "o que eu preciso levar pra retirar meu pedido na loja de pinheiros?"),
            (
                "aurora",
                "A12",
                0,
                "neg",
                "que raiva, a geladeira baixou de preço 10 dias depois de chegar aqui em casa. recebo a diferença?",
            ),
            (
                "aurora",
                "A13",
                1,
                "neu",
                "meu pedido já tá como enviado, ainda dá pra cancelar? alguém pode me ligar pra resolver isso?",
            ),
            (
                "aurora",
                "A14",
                0,
                "neg",
                "a caixa de som chegou ontem e nem liga, e no site ta esgotada. que decepção, vcs mandam outra ou devolvem o dinheiro?",
            ),
            ("aurora", "-", 0, "neu", "vocês têm programa de pontos ou fidelidade pra quem compra sempre?"),
            ("aurora", "-", 0, "neu", "dá pra agendar a entrega pra um horário específico? trabalho o dia todo fora"),
            ("aurora", "-", 0, "neu", "vocês fazem embrulho de presente? é aniversário da minha mãe"),
            ("aurora", "-", 0, "neu", "o aurora protege pode ser cancelado depois se eu mudar de ideia?"),
            ("aurora", "-", 0, "neu", "posso usar meu crédito da loja e o cartão juntos no mesmo pedido?"),
            (
                "aurora",
                "-",
                1,
                "neg",
                "quero falar com alguém do setor de troca, o avaliador da loja da barra recusou meu tablet sem explicar nada",
            ),
            ("aurora", "-", 1, "neg", "esse robô só responde 'não entendi'. tem gente de verdade aí?"),
            (
                "aurora",
                "-",
                1,
                "neu",
                "alguém pode verificar meu pedido 44817? o rastreio mostra entregue em outra cidade",
            ),
            ("aurora", "-", 1, "neu", "atendente, por favor. preciso resolver um problema no meu cadastro"),
            (
                "aurora",
                "-",
                0,
                "neg",
                "o ventilador faz um barulho horrível desde o primeiro dia, nunca mais compro eletro com vocês",
            ),
            # solmar (Brazilians in Latin America)
            ("solmar", "S5", 0, "neu", "vocês tiram o visto eletrônico pro vietnã? quanto custa?"),
            (
                "solmar",
                "S6",
                0,
                "neu",
                "moro em guadalajara, vocês parcelam sem juros no cartão de crédito? em quantos meses?",
            ),
            ("solmar", "S7", 0, "neu", "o seguro solmar total cobre mala extraviada? até quanto?"),
            ("solmar", "S8", 0, "neu", "meu buldogue francês pode viajar no porão do avião?"),
            (
                "solmar",
                "S9",
                0,
                "neg",
                "o localizador que vocês mandaram não funciona no site da companhia pro check-in, já tentei mil vezes 😤 o que eu faço?",
            ),
            ("solmar", "S10", 0, "neu", "qual é o número da linha de emergência se der problema durante a viagem?"),
            (
                "solmar",
                "S11",
                0,
                "pos",
                "amo viajar com vocês!! reservei o pacote com 100 dias de antecedência, entra no desconto da venda antecipada?",
            ),
            ("solmar", "S12", 0, "neu", "na fatura do pacote o IVA não aparece separado, isso tá certo?"),
            (
                "solmar",
                "S13",
                1,
                "neu",
                "somos 9 amigas, isso já conta como grupo pra vocês? alguém pode me ligar pra montar o roteiro?",
            ),
            ("solmar", "-", 0, "neu", "os cruzeiros que vocês vendem têm wi-fi incluído?"),
            ("solmar", "-", 0, "neu", "vocês vendem vale-presente de viagem? queria dar um pros meus pais"),
            ("solmar", "-", 0, "neu", "o pacote pra cancún inclui as refeições ou só o café da manhã?"),
            ("solmar", "-", 0, "neu", "posso levar drone na mala de mão?"),
            (
                "solmar",
                "-",
                0,
                "neg",
                "ano passado o pacote foi uma bagunça... vocês têm pacote de neve em bariloche com aula de esqui?",
            ),
            (
                "solmar",
                "-",
                1,
                "neu",
                "meu filho passou mal no hotel em cartagena, preciso falar com alguém da solmar agora",
            ),
            (
                "solmar",
                "-",
                1,
                "neg",
                "quero falar com a consultora que vendeu nosso pacote, ela prometeu quarto com vista pro mar e não tem",
            ),
            ("solmar", "-", 1, "neg", "me passa pra um atendente humano, esse chat é lento demais"),
            ("solmar", "-", 0, "neg", "o guia do passeio só falava inglês e ninguém do grupo entendia nada. péssimo"),
            # demo
            ("demo", "D4", 0, "neu", "comprei uma bike montada sob medida com vocês, posso devolver se eu não gostar?"),
            (
                "demo",
                "D5",
                0,
                "neu",
                "comprei a bike usada de um amigo e o quadro trincou, a garantia vitalícia vale pra mim?",
            ),
            ("demo", "D6", 0, "neu", "furou o pneu, vocês consertam na hora? quanto fica?"),
            ("demo", "D7", 1, "neu", "alugar bike elétrica por 3 dias sai quanto? alguém pode me ligar pra reservar?"),
            (
                "demo",
                "D8",
                0,
                "pos",
                "minha primeira bike foi de vocês e amei 💚 como funciona a avaliação da minha bike velha na troca?",
            ),
            ("demo", "-", 0, "neu", "vocês fazem conversão de bike comum pra elétrica?"),
            ("demo", "-", 0, "neu", "tem desconto pra estudante nas peças e acessórios?"),
            (
                "demo",
                "-",
                1,
                "neg",
                "alguém confere meu pedido 3321 por favor? a bike chegou com o guidão torto, assim não dá",
            ),
            ("demo", "-", 1, "neg", "chat automático não resolve nada, quero falar com uma pessoa"),
            ("demo", "-", 0, "neg", "a bike de aluguel veio com o pneu murcho e perdi meia hora. que falta de cuidado"),
        ],
    ),
    (
        "hi",
        [
            # aurora: 10 Devanagari, 10 romanized
            (
                "aurora",
                "A15",
                0,
                "pos",
                "Aurora से खरीदारी का अनुभव हमेशा बढ़िया रहा 👍 पुराने टैबलेट में अभी भी iCloud लॉगिन है, क्या ट्रेड-इन से पहले हटाना ज़रूरी है?",
            ),
            ("aurora", "A16", 0, "neu", "brazil wala whatsapp number kya hai? order ke baare me kuch puchna tha"),
            (
                "aurora",
                "A1",
                0,
                "neg",
                "पिछली बार पार्सल आने में दो हफ्ते लग गए थे 😒 Monterrey में स्टैंडर्ड डिलीवरी कितने दिन में आती है?",
            ),
            (
                "aurora",
                "A2",
                0,
                "neu",
                "yaar maine MXN 500 ke 2 alag orders kiye hain, dono pe alag se shipping lagegi kya?",
            ),
            ("aurora", "A3", 0, "neu", "मैं मेक्सिको में रहता हूँ, क्या मेरे अमेरिकी बैंक के कार्ड से aurora.com.mx पर पेमेंट हो जाएगी?"),
            ("aurora", "A4", 0, "neu", "tracking kahan dekhun? app me bhi dikhta hai kya ya sirf estafeta ki site pe"),
            ("aurora", "A5", 0, "neu", "सामान डिलीवर हुए अभी 10 दिन हुए हैं, रिटर्न भेजने का कूरियर खर्च मुझे देना पड़ेगा क्या?"),
            (
                "aurora",
                "A6",
                1,
                "neu",
                "SPEI se payment kiya tha, refund aane me kitne din lagte hain? aur koi mujhe call karke status bata de pls",
            ),
            ("aurora", "A7", 0, "neu", "Aurora Protege में साल में कितनी बार एक्सीडेंटल डैमेज का क्लेम कर सकते हैं?"),
            (
                "aurora",
                "A8",
                0,
                "neg",
                "OXXO jaake cash dena padega, itna jhanjhat 😩 pay karne ke liye kitne ghante milte hain?",
            ),
            ("aurora", "-", 0, "neu", "क्या Aurora Plus की मेम्बरशिप मेरी पत्नी के अकाउंट पर भी चल सकती है?"),
            ("aurora", "-", 0, "neu", "क्या Andares स्टोर में नए फ़ोन पर स्क्रीन गार्ड लगाकर देते हैं?"),
            ("aurora", "-", 0, "neu", "bhai mexico wali site pe iPhone 15 ka price kitna chal raha hai abhi?"),
            (
                "aurora",
                "-",
                0,
                "neu",
                "order place karne ke baad delivery address change ho sakta hai kya? ghar shift kar raha hu",
            ),
            ("aurora", "-", 0, "neu", "aurora plus ka free trial milta hai kya pehle try karne ke liye?"),
            ("aurora", "-", 1, "neu", "कृपया किसी टेक्निकल एक्सपर्ट से बात करवा दीजिए, नया राउटर सेटअप ही नहीं हो रहा"),
            ("aurora", "-", 1, "neg", "ये बॉट हर बार मेरा ऑर्डर नंबर माँगता है और फिर भूल जाता है, मुझे किसी इंसान से बात करनी है"),
            (
                "aurora",
                "-",
                1,
                "neg",
                "koi agent mujhe whatsapp pe message kar de? yahan chat baar baar disconnect ho raha hai 😤",
            ),
            (
                "aurora",
                "-",
                1,
                "neg",
                "mujhe store pickup wali team se baat karni hai, pickup code kaam nahi kar raha aur 2 baar store aa chuka hu",
            ),
            ("aurora", "-", 0, "neg", "टीवी का रिमोट पहले दिन से काम नहीं कर रहा, Aurora से इतना खराब अनुभव पहली बार हुआ"),
            # solmar: 9 Devanagari, 9 romanized
            ("solmar", "S14", 0, "neu", "मेरे पिताजी के साथ उनका गाइड डॉग रहता है, क्या वो फ्लाइट के केबिन में मुफ़्त जा सकता है?"),
            (
                "solmar",
                "S1",
                0,
                "neu",
                "package book karne ke liye abhi kitna advance dena padega? trip 4 mahine baad hai",
            ),
            (
                "solmar",
                "S2",
                0,
                "neg",
                "होटल की तारीख़ सस्ती तारीख़ पर बदलूँ तो क्या बचे पैसे वापस मिलेंगे? नहीं मिले तो ये तो नाइंसाफ़ी है",
            ),
            (
                "solmar",
                "S3",
                0,
                "neu",
                "hotel booking pe 'free cancellation' likha hai, kab tak bina charge ke cancel kar sakte hain?",
            ),
            ("solmar", "S4", 0, "neu", "पैकेज वाली फ्लाइट में चेक-इन बैग और हैंड बैग कितने किलो तक ले जा सकते हैं?"),
            (
                "solmar",
                "S5",
                1,
                "neu",
                "egypt ka e-visa aap log bana dete ho kya? koi agent mujhe call karke samjha de toh better",
            ),
            (
                "solmar",
                "S6",
                0,
                "pos",
                "Solmar के साथ पिछली ट्रिप शानदार थी! स्पेन से बुकिंग का पैसा Pago Flex से 6 महीने में दे सकते हैं? ब्याज कितना लगेगा?",
            ),
            (
                "solmar",
                "S7",
                0,
                "neu",
                "seguro solmar total lena hai cancellation cover ke liye, booking ke kitne time ke andar lena padega?",
            ),
            ("solmar", "S8", 0, "neu", "बिल्ली को रेबीज़ का टीका कल ही लगा है, क्या वो अगले हफ्ते की फ्लाइट में जा पाएगी?"),
            ("solmar", "-", 0, "neu", "क्या Club Solmar के पॉइंट्स से पूरी यात्रा का भुगतान हो सकता है?"),
            ("solmar", "-", 0, "neu", "क्या आपके क्रूज़ पर शुद्ध शाकाहारी खाना मिलता है?"),
            ("solmar", "-", 0, "neu", "solmar app me trip ka itinerary bina internet ke dikh jata hai kya?"),
            (
                "solmar",
                "-",
                0,
                "neu",
                "group trip me jo coordinator milta hai, kya woh hamare saath trip pe bhi aata hai?",
            ),
            (
                "solmar",
                "-",
                0,
                "neg",
                "pichhli baar hotel photo se bilkul alag nikla 😒 kya booking se pehle room ki asli photos bhej sakte ho?",
            ),
            (
                "solmar",
                "-",
                1,
                "neu",
                "हमारी ज़्यूरिख वाली फ्लाइट रद्द हो गई है और हम एयरपोर्ट पर फँसे हैं, Solmar से कोई तुरंत मदद करे",
            ),
            (
                "solmar",
                "-",
                1,
                "neu",
                "mujhe kisi aise travel agent se baat karni hai jo japan ka 10 din ka itinerary bana sake",
            ),
            ("solmar", "-", 1, "neg", "ye bot meri hindi samajh hi nahi raha 🙄 kisi insaan se connect karo"),
            ("solmar", "-", 0, "neg", "क्रूज़ का केबिन गंदा था और पूरे हफ्ते चादरें तक नहीं बदलीं, बहुत बुरा अनुभव"),
            # demo: 5 Devanagari, 5 romanized
            ("demo", "D9", 0, "pos", "आपकी दुकान की सर्विस कमाल की है! 800 यूरो की बाइक किश्तों में ले सकते हैं? कितने महीने की?"),
            ("demo", "D10", 0, "neu", "shop ka email id kya hai? purane bill ki copy chahiye thi"),
            ("demo", "D1", 0, "neu", "क्या सरकारी छुट्टी वाले दिन दुकान खुली रहती है?"),
            ("demo", "D2", 1, "neu", "car se aaunga, shop ke paas parking milegi? aur koi staff mujhe call kar de pls"),
            ("demo", "D3", 0, "neu", "मुझे बाइक दूसरे देश में रिश्तेदार को भिजवानी है, क्या आप विदेश भेजते हैं?"),
            ("demo", "-", 0, "neu", "regular customers ke liye koi loyalty card milta hai kya?"),
            ("demo", "-", 0, "neu", "क्या किराए की बाइक के साथ बच्चे की सीट भी मिलती है?"),
            (
                "demo",
                "-",
                1,
                "neg",
                "koi mera order 812 dekh lo, paisa kat gaya par confirmation nahi aaya, bahut gussa aa raha hai",
            ),
            ("demo", "-", 1, "neg", "कब से लिख रहा हूँ, कोई जवाब ही नहीं दे रहा... क्या वहाँ कोई इंसान है भी?"),
            ("demo", "-", 0, "neg", "service ke baad gear baar baar slip ho raha hai, paise barbaad"),
        ],
    ),
    (
        "ta",
        [
            # aurora: 10 Tamil script, 10 romanized
            ("aurora", "A9", 0, "neu", "BBVA கார்டில் MXN 1,800 க்கு வாங்கினா 6 மாச MSI கிடைக்குமா?"),
            (
                "aurora",
                "A10",
                0,
                "neu",
                "neenga CFDI 4.0 version la invoice kudupeengala illa pazhaya version ah? accountant kekkuraaru",
            ),
            ("aurora", "A11", 0, "neu", "Monterrey ல உங்க ஸ்டோர் எந்த இடத்துல இருக்கு? அங்க pickup பண்ணணும்"),
            (
                "aurora",
                "A12",
                0,
                "neg",
                "coppel la clearance la vilai kammiya irukku, ungalukku romba jaasthi 😒 price match pannuveengala?",
            ),
            (
                "aurora",
                "A13",
                0,
                "neu",
                "பணம் கட்டி 40 நிமிஷம் தான் ஆச்சு, ஆர்டர் இன்னும் Processing ல இருக்கு. இலவசமா cancel பண்ண முடியுமா?",
            ),
            (
                "aurora",
                "A14",
                1,
                "neg",
                "parcel la charger illa, romba kovama irukku. 48 hours kulla report pannanuma? yaaravadhu enakku call pannunga",
            ),
            ("aurora", "A15", 0, "pos", "உங்க trade-in அனுபவம் சூப்பரா இருந்துச்சு 😊 அந்த store credit எவ்வளவு நாள் valid?"),
            ("aurora", "A16", 0, "neu", "naan aurora plus member, mexico la phone support number enna?"),
            ("aurora", "A1", 0, "neu", "Guadalajara க்கு express delivery எத்தனை நாள்ல வந்து சேரும்?"),
            ("aurora", "A2", 0, "neg", "BRL 280 ku order pannen, shipping free illaya? 😒 evlo charge?"),
            ("aurora", "-", 0, "neu", "Coyoacán ஸ்டோரில் ஏதாவது வேலை வாய்ப்பு இருக்கா? resume எங்க அனுப்பணும்?"),
            ("aurora", "-", 0, "neu", "லேப்டாப் வாங்கினா Windows install பண்ணி செட்டப் செஞ்சு தருவீங்களா?"),
            ("aurora", "-", 0, "neu", "aurora protege store la nerla vaangina product ku um kidaikkuma?"),
            ("aurora", "-", 0, "neu", "aurora plus membership ah 3 maasam pause panna mudiyuma? veliyoor poren"),
            (
                "aurora",
                "-",
                0,
                "neg",
                "last time delivery romba mosam 😤 courier varradhukku munnadi phone panni solluvaangala?",
            ),
            ("aurora", "-", 1, "neu", "என் ஆர்டர் 66140 ல தப்பான மாடல் பில் ஆகியிருக்கு, யாராவது செக் பண்ணி சொல்லுங்க"),
            ("aurora", "-", 1, "neg", "இந்த bot கிட்ட பேசி பேசி அலுத்துப் போச்சு, ஒரு நிஜ மனுஷன் கிட்ட பேசணும்"),
            ("aurora", "-", 1, "neg", "enakku oru human executive venum, 3 naala account login aagave illa"),
            (
                "aurora",
                "-",
                1,
                "neu",
                "refund team la yaaravadhu en case ah paarunga pls, store credit vendaam bank ku dhaan venum",
            ),
            ("aurora", "-", 0, "neg", "புது மிக்சி முதல் நாளே எரிஞ்ச வாசனை அடிக்குது, Aurora மேல நம்பிக்கையே போச்சு"),
            # solmar: 9 Tamil script, 9 romanized
            ("solmar", "S9", 0, "neu", "கைக்குழந்தையோட பயணம் பண்றோம், online check-in பண்ண முடியுமா இல்ல counter க்கு போகணுமா?"),
            (
                "solmar",
                "S10",
                0,
                "neu",
                "madrid time night 10.30 ku chat la message panna yaaravadhu reply pannuvaangala?",
            ),
            ("solmar", "S11", 0, "pos", "Club Solmar சூப்பர்! 🎉 என் points எத்தனை மாசத்துல expire ஆகும்?"),
            ("solmar", "S12", 0, "neu", "company per la invoice venum, booking pannumbodhu enna details kudukkanum?"),
            (
                "solmar",
                "S13",
                1,
                "neu",
                "30 பேர் கொண்ட காலேஜ் டூர்க்கு எவ்வளவு டெபாசிட் கட்டணும்? coordinator யாராவது என்னை call பண்ணுங்க",
            ),
            (
                "solmar",
                "S14",
                0,
                "neu",
                "ungal website WCAG accessibility standard follow pannudha? naan screen reader use panren",
            ),
            (
                "solmar",
                "S1",
                0,
                "neg",
                "போன தடவை புக் பண்றதுக்குள்ள விலை ஏறிடுச்சு 😠 டிக்கெட் இஷ்யூ ஆகுற வரைக்கும் flight விலை மாறுமா?",
            ),
            ("solmar", "S2", 0, "neu", "tarifa flexible solmar ku per person evlo? first date change free ah?"),
            ("solmar", "S3", 0, "neu", "package trip அன்னைக்கு போக முடியலைன்னா (no-show) ஏதாவது பணம் திரும்ப கிடைக்குமா?"),
            ("solmar", "-", 0, "neu", "பாரிஸ் பேக்கேஜோட Disneyland டிக்கெட்டும் சேர்த்து புக் பண்ண முடியுமா?"),
            ("solmar", "-", 0, "neu", "குழந்தையோட stroller ஐ flight ல இலவசமா கொண்டு போகலாமா?"),
            ("solmar", "-", 0, "neu", "club solmar la join pannina welcome bonus points edhavadhu kidaikkuma?"),
            ("solmar", "-", 0, "neu", "europe tour hotels la late check-out request panna mudiyuma?"),
            (
                "solmar",
                "-",
                0,
                "neg",
                "kadaisi trip la flight 5 mani neram late, romba kashtam 😞 indha thadava non-stop flights mattum kidaikkuma?",
            ),
            (
                "solmar",
                "-",
                1,
                "neu",
                "மலேசியா டூர்ல அம்மாவுக்கு உடம்பு சரியில்லை, ஹாஸ்பிடல் போறோம், Solmar ல இருந்து யாராவது உடனே பேசுங்க",
            ),
            ("solmar", "-", 1, "neu", "முதல் முறையா cruise போறோம், cruise பத்தி நல்லா தெரிஞ்ச ஒரு agent கிட்ட பேசணும்"),
            ("solmar", "-", 1, "neg", "bot kitta pesi time waste, direct ah oru agent kitta connect pannunga"),
            (
                "solmar",
                "-",
                0,
                "neg",
                "hotel pool full week um close la irundhuchu, yaarum munnadiye sollala. romba mosamaana anubavam",
            ),
            # demo: 5 Tamil script, 5 romanized
            ("demo", "D6", 0, "pos", "உங்க workshop வேற லெவல் 👌 WhatsApp ல slot book பண்ண முடியுமா?"),
            ("demo", "D7", 1, "neu", "city bike oru naal rent evlo? shop la irundhu yaaravadhu enakku call pannunga"),
            ("demo", "D8", 0, "neu", "என் பழைய bike ஐ trade-in ல குடுத்தா அந்த மதிப்பை புது bike விலையில கழிப்பீங்களா?"),
            ("demo", "D9", 0, "neu", "gift card vaangina online order ku um use pannalaama?"),
            ("demo", "D10", 0, "neu", "கடையோட WhatsApp நம்பர் என்ன? bike பத்தி கேக்கணும்"),
            ("demo", "-", 0, "neu", "எலக்ட்ரிக் bike ஓட்ட புதுசா கத்துக்கிறவங்களுக்கு பயிற்சி வகுப்பு நடத்துறீங்களா?"),
            ("demo", "-", 0, "neu", "rental e-bike full charge la evlo km varaikkum pogum?"),
            (
                "demo",
                "-",
                1,
                "neg",
                "rental counter la irukkuravanga kitta pesanum, deposit 1 week aagiyum return aagala",
            ),
            ("demo", "-", 1, "neg", "voice message அனுப்பினா bot புரியலைன்னு சொல்லுது. கடையில இருக்குற யாராவது பதில் சொல்லுங்க"),
            ("demo", "-", 0, "neg", "shop la 40 nimisham wait panna vechaanga, yaarum kandukkave illa. romba mosam"),
        ],
    ),
    (
        "te",
        [
            # aurora: 10 Telugu script, 10 romanized
            ("aurora", "A3", 0, "neu", "Brazil సైట్ లో కొని Mexico లో ఉన్న మా అక్క ఇంటికి పంపించొచ్చా?"),
            (
                "aurora",
                "A4",
                0,
                "neg",
                "brazil lo loggi tho vastundi annaru, tracking ekkada chudali? asalu message ledu 😠",
            ),
            ("aurora", "A5", 0, "neu", "రిటర్న్ ని కొరియర్ లో కాకుండా Coyoacán స్టోర్ లో ఇచ్చేయొచ్చా?"),
            (
                "aurora",
                "A6",
                0,
                "neg",
                "return chesina phone warehouse ki reach ayyindi, inka refund eppudu issue chestaru? already chala late ayyindi",
            ),
            ("aurora", "A7", 0, "neu", "ఫోన్ కొని 45 రోజులు అయింది, ఇప్పుడు Aurora Protege కొనొచ్చా?"),
            (
                "aurora",
                "A8",
                1,
                "neu",
                "american express card mexico site lo accept chestara? evaraina call chesi order lo help cheyyandi",
            ),
            ("aurora", "A9", 0, "neu", "PayPal తో కట్టి వాయిదాల్లో (installments) చెల్లించొచ్చా?"),
            ("aurora", "A10", 0, "neu", "CFDI ekkada request cheyyali? website lo option kanipinchatledu"),
            ("aurora", "A11", 0, "pos", "మీ స్టోర్ సర్వీస్ చాలా బాగుంటుంది 😊 స్టోర్ లో స్టాక్ లేని ఐటమ్ అయితే pickup కి ఎన్ని రోజులు పడుతుంది?"),
            ("aurora", "A12", 0, "neu", "oka nela lo enni saarlu price match adagochu?"),
            ("aurora", "-", 0, "neu", "ఫ్రిజ్ వారంటీ రిపేర్ కి టెక్నీషియన్ ఇంటికి వస్తారా?"),
            ("aurora", "-", 0, "neu", "కొనే ముందు మా కంపెనీ కోసం quotation PDF ఇస్తారా?"),
            ("aurora", "-", 0, "neu", "aurora account lo registered email ela change cheyyali?"),
            ("aurora", "-", 0, "neu", "iphone tho paatu applecare kuda aurora lo konochaa?"),
            ("aurora", "-", 0, "neg", "last order lo box open chesi pampincharu 😡 sealed pack ani guarantee istara?"),
            ("aurora", "-", 1, "neu", "నా Aurora అకౌంట్ లో నా పేరుకు బదులు వేరే పేరు కనిపిస్తోంది, ఎవరైనా చెక్ చేయండి"),
            ("aurora", "-", 1, "neg", "ప్రతి సారి 'మళ్ళీ ప్రయత్నించండి' అంటోంది ఈ bot, చిరాకొస్తోంది. మనిషితో మాట్లాడించండి"),
            ("aurora", "-", 1, "neu", "warranty team lo evaraina naaku phone cheyyandi, laptop hinge virigipoyindi"),
            (
                "aurora",
                "-",
                1,
                "neg",
                "mee quality team lo evaritho aina matladali, rendu saarlu same defect unna product vachindi",
            ),
            ("aurora", "-", 0, "neg", "కొత్త ఎయిర్ కూలర్ మొదటి రోజు నుంచే నీళ్ళు లీక్ అవుతోంది, చాలా నిరాశగా ఉంది"),
            # solmar: 9 Telugu script, 9 romanized
            ("solmar", "S4", 0, "neu", "మా సూట్‌కేస్ పోయింది, airline దగ్గర PIR రాశాం. దాని కాపీ మీకు ఎన్ని రోజుల్లో పంపాలి?"),
            (
                "solmar",
                "S5",
                0,
                "neu",
                "documents correct kaadu ani airline boarding deny chesthe, package dabbulu emaina return avutaya?",
            ),
            ("solmar", "S6", 0, "neu", "క్రిప్టో (USDT) తో బుకింగ్ పేమెంట్ చేయొచ్చా?"),
            (
                "solmar",
                "S7",
                1,
                "neu",
                "seguro solmar total europe 12 days trip ki entha? evaraina agent call chesi explain cheyyandi",
            ),
            (
                "solmar",
                "S8",
                0,
                "pos",
                "Solmar తో మా మొదటి ట్రిప్ అద్భుతం! ఈసారి పిల్లిని తీసుకెళ్తాం, దానికి ఫ్లైట్ లో ప్లేస్ ఎన్ని రోజుల ముందు అడగాలి?",
            ),
            (
                "solmar",
                "S9",
                0,
                "neu",
                "online check-in enni gantala mundu close avutundi? airport ki late ga veltunnam",
            ),
            ("solmar", "S10", 0, "neu", "atencion ఇమెయిల్ కి మెయిల్ పంపితే ఎంత సేపట్లో రిప్లై వస్తుంది?"),
            ("solmar", "S11", 0, "neg", "package book chesaka price taggindi 😒 aa difference emaina return istara?"),
            ("solmar", "S12", 0, "neu", "పేమెంట్ అయ్యాక ఇన్వాయిస్ కోసం విడిగా రిక్వెస్ట్ పెట్టాలా?"),
            ("solmar", "-", 0, "neu", "Solmar ప్యాకేజీ బుక్ చేస్తే విదేశాల్లో వాడుకోడానికి సిమ్ కార్డు ఇస్తారా?"),
            ("solmar", "-", 0, "neu", "హిమాలయాల్లో ట్రెక్కింగ్ ప్యాకేజీలు మీ దగ్గర ఉన్నాయా?"),
            ("solmar", "-", 0, "neu", "package lo city tour free ga untunda leka extra kattala?"),
            ("solmar", "-", 0, "neu", "package ki airport lounge access add cheyyocha?"),
            (
                "solmar",
                "-",
                0,
                "neg",
                "last trip lo hotel beach ki chala dooram undi 😤 ee sari beach ki entha dooram ani mundu chepthara?",
            ),
            ("solmar", "-", 1, "neu", "మా టూర్ బస్సు దారిలో చెడిపోయింది, గంట నుండి రోడ్డు మీదే ఉన్నాం, Solmar నుండి ఎవరైనా వెంటనే ఫోన్ చేయండి"),
            ("solmar", "-", 1, "neu", "నా బుకింగ్ చేసిన ఏజెంట్ ప్రియ గారితో మాట్లాడాలి, ఆమెకు చెప్పండి"),
            ("solmar", "-", 1, "neg", "ee bot ki emi ardham kaavatledu, ventane oka human agent ni pettandi"),
            (
                "solmar",
                "-",
                0,
                "neg",
                "flight 9 gantalu late, evaru emi cheppaledu, neellu kuda ivvaledu. worst experience",
            ),
            # demo: 5 Telugu script, 5 romanized
            ("demo", "D1", 0, "neu", "వారం రోజుల్లో సాయంత్రం 6:45 కి వస్తే షాప్ ఇంకా తెరిచే ఉంటుందా?"),
            (
                "demo",
                "D2",
                0,
                "pos",
                "mee shop gurinchi chala manchi reviews vinnanu! central market tram stop nundi entha dooram?",
            ),
            ("demo", "D3", 1, "neu", "బైక్ ఆర్డర్ చేస్తే ఎన్ని రోజుల్లో ఇంటికి వస్తుంది? ఎవరైనా కాల్ చేసి ఆర్డర్ కన్ఫర్మ్ చేయండి"),
            ("demo", "D4", 0, "neu", "rendu vaaralu office ki ride chesanu, nachaledu. ippudu bike return cheyyocha?"),
            ("demo", "D5", 0, "neg", "టైర్లు ఆరు నెలల్లోనే అరిగిపోయాయి, క్వాలిటీ బాలేదు. వారంటీ లో మార్చుతారా?"),
            ("demo", "-", 0, "neu", "wheel truing ki entha charge chestaru?"),
            ("demo", "-", 0, "neu", "ఆన్‌లైన్ షాప్ లో ధర తక్కువ ఉంటే మీరు అదే ధరకు ఇస్తారా?"),
            ("demo", "-", 1, "neu", "నా ఈ-బైక్ రోడ్డు మధ్యలో ఆగిపోయింది, ఎవరైనా వెంటనే ఫోన్ చేయండి ప్లీజ్"),
            ("demo", "-", 1, "neg", "ee bot english lo matrame reply istondi, naaku shop lo unna evaraina kavali"),
            ("demo", "-", 0, "neg", "service ki icchina bike ki scratches petti icharu, chala kopam ga undi"),
        ],
    ),
    (
        "fr",
        [
            (
                "aurora",
                "A13",
                0,
                "neu",
                "j'ai pas payé le boleto à temps, ma commande est annulée ? ça me coûte qqch ?",
            ),
            ("aurora", "A16", 1, "neu", "vous répondez aux mails en combien de temps ? sinon qqn peut m'appeler svp"),
            (
                "aurora",
                "-",
                0,
                "neg",
                "franchement acheter un pc c'est trop cher 😒 vous faites de la location de laptops au mois ?",
            ),
            (
                "solmar",
                "S13",
                0,
                "pos",
                "on a adoré notre dernier voyage avec vous !! vous organisez aussi des voyages de fin d'année pour une classe de lycée ?",
            ),
            (
                "solmar",
                "S14",
                0,
                "neu",
                "mon mari est en fauteuil depuis son accident, l'assistance à l'aéroport c'est payant ? on part dans 3 jours",
            ),
            (
                "solmar",
                "-",
                1,
                "neg",
                "votre assistant me redemande mon email à chaque message, passez-moi un conseiller svp",
            ),
            ("demo", "D6", 0, "neu", "c'est combien la révision de base pour un vélo de ville ?"),
        ],
    ),
    (
        "it",
        [
            ("aurora", "A14", 0, "neu", "mi è arrivato il modello sbagliato, che foto devo mandare per segnalarlo?"),
            (
                "aurora",
                "A15",
                0,
                "neu",
                "per il trade-in del tablet, se in negozio lo valutano meno della quotazione posso riaverlo indietro?",
            ),
            (
                "aurora",
                "A5",
                1,
                "neu",
                "posso restituire una gift card che non mi serve più? mi fate chiamare da un operatore per favore",
            ),
            ("solmar", "S10", 0, "neu", "se ho un problema di notte durante il viaggio c'è un numero che risponde?"),
            (
                "solmar",
                "S3",
                0,
                "pos",
                "siete stati fantastici col viaggio di nozze 😍 ora se cancello un pacchetto a 30 giorni dalla partenza quanto pago?",
            ),
            (
                "solmar",
                "-",
                0,
                "neg",
                "l'ultima volta ho pagato una fortuna di parcheggio 😤 avete convenzioni con i parcheggi in aeroporto?",
            ),
            ("demo", "D3", 0, "neu", "quanto ci mette ad arrivare un paio di pedali ordinati online?"),
        ],
    ),
    (
        "de",
        [
            (
                "aurora",
                "A7",
                0,
                "neu",
                "deckt die standardgarantie es, wenn mir das handy runterfällt und das display bricht?",
            ),
            ("aurora", "A10", 0, "neu", "hab am 3. mai per spei bezahlt, kann ich die cfdi am 25. mai noch anfordern?"),
            (
                "aurora",
                "-",
                1,
                "neg",
                "bitte schaut euch meine rücksendung 3345 an, liegt seit zwei wochen bei euch im lager und nichts passiert",
            ),
            ("solmar", "S4", 0, "neu", "mein handgepäck wiegt 12 kg, ist das zu schwer für den flug im paket?"),
            ("solmar", "S7", 0, "neu", "bis zu welchem betrag zahlt der seguro total arztkosten im ausland?"),
            ("solmar", "-", 0, "neu", "sind bei euren kreuzfahrten die hafengebühren schon im preis drin?"),
            ("demo", "D9", 0, "neu", "kann ich ein rad für 700 eur in 6 monatsraten zahlen?"),
        ],
    ),
]


# ---------------------------------------------------------------------------------------------------------
def headings_txt(path):
    """Numbered headings '<n>. <heading>' of a pypdf text dump, in order 1..N."""
    found, want = [], 1
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{1,2})\. (\S.*)$", line.strip())
        if m and int(m.group(1)) == want:
            found.append(f"{want}. {m.group(2).strip()}")
            want += 1
    return found


def headings_md(path):
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^##\s+(\d{1,2})\.\s+(\S.*)$", line)
        if m:
            found.append(f"{int(m.group(1))}. {m.group(2).strip()}")
    return found


def words(text):
    """Lower-cased words with accents stripped."""
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.findall(r"\w+", s)


def grams(ws, n=5):
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def indic_scripts(text):
    return {lang for lang, (lo, hi) in INDIC.items() if any(lo <= ch <= hi for ch in text)}


def check(faq_paths):
    errors = []
    for p in faq_paths.values():
        if not p.is_file():
            errors.append(f"FAQ file missing: {p}")
    if errors:
        return errors, []

    parsed = {
        "aurora": headings_txt(faq_paths["aurora"]),
        "solmar": headings_txt(faq_paths["solmar"]),
        "demo": headings_md(faq_paths["demo"]),
    }
    for t in TENANTS:
        mine = [h for c, h in HEADINGS.items() if TENANT_OF_CODE[c[0]] == t]
        if mine != parsed[t]:
            errors.append(f"{t}: heading table {mine} != headings parsed from the FAQ {parsed[t]}")

    faq_grams = set()
    for p in faq_paths.values():
        faq_grams |= grams(words(p.read_text(encoding="utf-8")))

    rows, seen = [], Counter()
    layout = defaultdict(Counter)
    script_split = defaultdict(Counter)
    for lang, block in BLOCKS:
        if lang not in LAYOUT:
            errors.append(f"{lang}: no designed layout")
        for row in block:
            if len(row) != 5:
                errors.append(f"{lang}: malformed row {row!r}")
                continue
            tenant, code, wh, sent, text = row
            where = f"{lang} {tenant} {text[:40]!r}"
            if tenant not in TENANTS:
                errors.append(f"{where}: unknown tenant")
                continue
            if code != "-":
                if code not in HEADINGS:
                    errors.append(f"{where}: unknown section code {code}")
                elif TENANT_OF_CODE[code[0]] != tenant:
                    errors.append(f"{where}: section code {code} does not belong to tenant {tenant}")
            if wh not in (0, 1):
                errors.append(f"{where}: wants_human must be 0 or 1")
            if sent not in SENTIMENT:
                errors.append(f"{where}: bad sentiment {sent!r}")
            if not 20 <= len(text) <= 170:
                errors.append(f"{where}: length {len(text)} outside 20-170")
            if text != text.strip():
                errors.append(f"{where}: leading or trailing whitespace")
            seen[text] += 1
            shared = grams(words(text)) & faq_grams
            if shared:
                errors.append(f"{where}: shares five words with an FAQ: {' '.join(sorted(shared)[0])!r}")
            scripts = indic_scripts(text)
            if lang in INDIC:
                if scripts - {lang}:
                    errors.append(f"{where}: contains letters of another Indic script {sorted(scripts - {lang})}")
                script_split[(lang, tenant)]["native" if lang in scripts else "latin"] += 1
            elif scripts:
                errors.append(f"{where}: Indic letters in a {lang} row")
            layout[(lang, tenant)][(code != "-", bool(wh))] += 1
            rows.append((lang, tenant, code, wh, sent, text))

    for text, n in seen.items():
        if n > 1:
            errors.append(f"text occurs {n} times: {text!r}")
    for lang, per_tenant in LAYOUT.items():
        for tenant, want in per_tenant.items():
            c = layout[(lang, tenant)]
            got = (c[(True, False)], c[(True, True)], c[(False, False)], c[(False, True)])
            if got != want:
                errors.append(
                    f"{lang} {tenant}: (answerable, answerable+wh, unanswerable, unanswerable+wh) = {got}, designed {want}"
                )
            if lang in INDIC:
                s = script_split[(lang, tenant)]
                if s["native"] != s["latin"]:
                    errors.append(f"{lang} {tenant}: {s['native']} native-script rows vs {s['latin']} romanized")
    for lang, tenant in layout:
        if tenant not in LAYOUT.get(lang, {}):
            errors.append(f"{lang} {tenant}: rows outside the designed layout")
    return errors, rows


def main():
    faq_paths = {
        "aurora": EVAL_DIR / "aurora-faq.txt",
        "solmar": EVAL_DIR / "solmar-faq.txt",
        "demo": DEMO_FAQ,
    }
    errors, rows = check(faq_paths)
    if errors:
        print(f"build.py: {len(errors)} problem(s), nothing written", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)

    numbers = Counter()
    lines = []
    for lang, tenant, code, wh, sent, text in rows:
        numbers[tenant] += 1
        msg = {
            "id": f"{PREFIX}-{tenant}-{numbers[tenant]:03d}",
            "tenant": tenant,
            "text": text,
            "language": lang,
            "answerable": code != "-",
            "section": HEADINGS[code] if code != "-" else None,
            "wants_human": bool(wh),
            "sentiment": SENTIMENT[sent],
        }
        lines.append(json.dumps(msg, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} messages to {OUT}")


if __name__ == "__main__":
    main()
